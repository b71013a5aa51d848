package io.slacker.cluster;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.LogCapture;
import io.slacker.test.TestVertx;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What docs/cluster.md says of the connect string and of the session timeout ZooKeeper grants. */
class ZookeeperSessionTimeoutTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  @Test
  void aFullEnsembleConnectStringWorksAndTheGrantedTimeoutIsLogged() throws Exception {
    LogCapture.start();
    Vertx vertx = TestVertx.create();
    try (EmbeddedZookeeper zookeeper = new EmbeddedZookeeper()) {
      // An ensemble with a member down: the client tries members in random order until one answers.
      String ensemble = "127.0.0.1:" + unusedPort() + "," + zookeeper.connectString();
      ZookeeperDiscovery discovery = ZookeeperDiscovery.create(vertx, new ZookeeperDiscoveryOptions()
          .setConnectString(ensemble).setCluster("timeouts"));
      ServiceWatch watch = Await.result(discovery.watch("greeter", members -> { }));
      assertEquals(0, watch.current().servers().size());
      Await.until("the session timeout logged", Duration.ofSeconds(10), () -> !timeoutLines().isEmpty());
      // The embedded server ticks every 250 ms, so it grants at most 20 ticks of the 15 s asked for.
      assertEquals("ZooKeeper session at " + ensemble + ": timeout 5000 ms (asked for 15000 ms; "
          + "the servers allow 2 to 20 times their tickTime)", timeoutLines().get(0));
      Await.result(discovery.close());
    } finally {
      LogCapture.stop();
      Await.result(vertx.close());
    }
  }

  private static List<String> timeoutLines() {
    return LogCapture.lines().stream()
        .filter(line -> line.level() == org.slf4j.event.Level.INFO && line.logger().endsWith("SessionTimeoutLog"))
        .map(LogCapture.Line::message).toList();
  }

  private static int unusedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
