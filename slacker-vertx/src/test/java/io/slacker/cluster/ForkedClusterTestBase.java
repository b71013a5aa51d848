package io.slacker.cluster;

import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

/**
 * An in-process ZooKeeper, {@link Who} servers in forked JVMs that tests kill or pause, and a
 * client with an attempt timeout below its call timeout, so that an idempotent call stalled on
 * one server still has time for another. Everything is closed after each test.
 */
abstract class ForkedClusterTestBase {

  static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  Vertx vertx;
  EmbeddedZookeeper zookeeper;
  ForkedServers forked;
  ZookeeperDiscovery clientDiscovery;
  SlackerClient client;

  /** The cluster the test's servers publish in. */
  abstract String cluster();

  abstract long attemptTimeoutMillis();

  @BeforeEach
  void startCluster() throws Exception {
    vertx = TestVertx.create();
    zookeeper = new EmbeddedZookeeper();
    forked = new ForkedServers();
    clientDiscovery = ZookeeperDiscovery.create(vertx, zookeeper.options(cluster()));
    client = SlackerClient.create(vertx, new SlackerClientOptions().setCallTimeoutMillis(8_000)
        .setCluster(new ClusterClientOptions().setAttemptTimeoutMillis(attemptTimeoutMillis())), clientDiscovery);
  }

  @AfterEach
  void stopCluster() throws Exception {
    forked.close();
    Await.result(client.close());
    Await.result(clientDiscovery.close());
    Await.result(vertx.close());
    zookeeper.close();
  }

  ForkedServers.Forked fork(int sessionTimeoutMillis) throws Exception {
    return forked.start(zookeeper.connectString(), cluster(), sessionTimeoutMillis);
  }

  boolean inRotation(SocketAddress server) {
    try {
      return Await.result(client.servers(Who.NAME)).stream().anyMatch(s -> s.address().equals(server));
    } catch (Exception e) {
      return true;
    }
  }

  SocketAddress leader() {
    try {
      return Await.result(client.leader(Who.NAME));
    } catch (Exception e) {
      return null;
    }
  }
}
