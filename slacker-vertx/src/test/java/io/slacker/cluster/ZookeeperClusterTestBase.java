package io.slacker.cluster;

import io.slacker.SlackerClient;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

/** An in-process ZooKeeper and the servers and client a test starts on it, closed after each test. */
abstract class ZookeeperClusterTestBase {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  protected Vertx vertx;
  protected EmbeddedZookeeper zookeeper;
  protected final List<ClusterNode> nodes = new ArrayList<>();
  protected ZookeeperDiscovery clientDiscovery;
  protected SlackerClient client;

  @BeforeEach
  void startZookeeper() throws Exception {
    vertx = TestVertx.create();
    zookeeper = new EmbeddedZookeeper();
  }

  @AfterEach
  void stopEverything() throws Exception {
    if (client != null) {
      Await.result(client.close());
    }
    for (ClusterNode node : nodes) {
      node.close();
    }
    if (clientDiscovery != null) {
      Await.result(clientDiscovery.close());
    }
    Await.result(vertx.close());
    zookeeper.close();
  }

  /** Starts a server publishing in the cluster {@code clusterName}; it is closed after the test. */
  protected ClusterNode startNode(String clusterName, ClusterServerOptions cluster) throws Exception {
    ClusterNode node = ClusterNode.start(vertx, ZookeeperDiscovery.create(vertx, zookeeper.options(clusterName)), cluster);
    nodes.add(node);
    return node;
  }
}
