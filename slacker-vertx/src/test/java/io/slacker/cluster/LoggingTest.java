package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.test.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Slacker logs through SLF4J: connections and membership, each line naming its service and
 * server; nothing per call at INFO or above.
 */
class LoggingTest extends ZookeeperClusterTestBase {

  @AfterEach
  void stopCapturing() {
    LogCapture.stop();
  }

  private static List<LogCapture.Line> atLeast(Level level) {
    return LogCapture.lines().stream().filter(line -> line.level().toInt() >= level.toInt()).toList();
  }

  private static boolean logged(Level level, String text) {
    return LogCapture.lines().stream().anyMatch(line -> line.level() == level && line.message().contains(text));
  }

  @Test
  void connectionsAndMembershipAreLoggedAndCallsAreNot() throws Exception {
    LogCapture.start();
    ClusterNode first = startNode("logging", new ClusterServerOptions().setWithdrawGraceMillis(0));
    ClusterNode second = startNode("logging", new ClusterServerOptions().setWithdrawGraceMillis(0));
    clientDiscovery = ZookeeperDiscovery.create(vertx, zookeeper.options("logging"));
    client = SlackerClient.create(vertx, new io.slacker.SlackerClientOptions(), clientDiscovery);
    CallOptions routed = new CallOptions();
    for (int i = 0; i < 4; i++) {
      Await.result(client.call(null, Who.NAME, "name", List.of(), String.class, routed));
    }
    Await.until("the first view of the service", Duration.ofSeconds(5),
        () -> logged(Level.INFO, "Service '" + Who.NAME + "': ["));
    assertTrue(logged(Level.DEBUG, "Connected to " + first.address) || logged(Level.DEBUG, "Connected to " + second.address),
        LogCapture.lines().toString());
    assertTrue(logged(Level.DEBUG, "Connection from "), "the servers log accepted connections");

    int before = atLeast(Level.INFO).size();
    for (int i = 0; i < 200; i++) {
      Await.result(client.call(null, Who.NAME, "name", List.of(), String.class, routed));
    }
    assertEquals(before, atLeast(Level.INFO).size(), "nothing per call at INFO or above: " + atLeast(Level.INFO));

    Await.result(first.server.membership().offline(Who.NAME));
    Await.until("the server's own line", Duration.ofSeconds(5),
        () -> logged(Level.INFO, "Service '" + Who.NAME + "' of the server " + first.name() + " goes offline"));
    Await.until("the client's view of it", Duration.ofSeconds(5),
        () -> logged(Level.INFO, "Service '" + Who.NAME + "': " + first.name() + " left"));
    Await.result(first.server.membership().online(Who.NAME));
    Await.until("the client's view of its return", Duration.ofSeconds(5),
        () -> logged(Level.INFO, "Service '" + Who.NAME + "': " + first.name() + " joined"));
  }
}
