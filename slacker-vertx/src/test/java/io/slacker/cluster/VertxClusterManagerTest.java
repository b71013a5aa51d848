package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.zookeeper.ZookeeperClusterManager;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.imps.CuratorFrameworkState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A clustered Vert.x on vertx-zookeeper hands its Curator client to Slacker: one ZooKeeper session serves both. */
class VertxClusterManagerTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  @Test
  void slackerDiscoveryRidesOnTheClusterManagersSession() throws Exception {
    try (EmbeddedZookeeper zookeeper = new EmbeddedZookeeper()) {
      ZookeeperClusterManager manager = new ZookeeperClusterManager(new JsonObject()
          .put("zookeeperHosts", zookeeper.connectString())
          .put("rootPath", "io.vertx")
          .put("sessionTimeout", 4_000)
          .put("connectTimeout", 2_000)
          .put("retry", new JsonObject().put("initialSleepTime", 100).put("maxTimes", 5).put("intervalTimes", 1_000)));
      Vertx vertx = Await.result(Vertx.builder()
          .with(TestVertx.options().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1").setPort(0)))
          .withClusterManager(manager)
          .buildClustered());
      CuratorFramework curator = manager.getCuratorFramework();
      ZookeeperDiscovery serverDiscovery = ZookeeperDiscovery.create(vertx, curator, new ZookeeperDiscoveryOptions().setCluster("vx"));
      ZookeeperDiscovery clientDiscovery = ZookeeperDiscovery.create(vertx, curator, new ZookeeperDiscoveryOptions().setCluster("vx"));
      ClusterNode node = ClusterNode.start(vertx, serverDiscovery, new ClusterServerOptions());
      SlackerClient client = SlackerClient.create(vertx, new SlackerClientOptions(), clientDiscovery);
      try {
        assertSame(curator, clientDiscovery.curator());
        Who who = client.proxy(Who.class, new CallOptions());
        assertEquals(node.name(), Await.result(who.name()));
        long owner = curator.checkExists().forPath(ClusterNodes.find(curator, "vx", node.name())).getEphemeralOwner();
        assertEquals(curator.getZookeeperClient().getZooKeeper().getSessionId(), owner, "published under the cluster manager's session");
      } finally {
        Await.result(client.close());
        node.close();
        Await.result(clientDiscovery.close());
      }
      assertEquals(CuratorFrameworkState.STARTED, curator.getState(), "closing Slacker's discovery leaves the shared client open");
      Await.result(vertx.close());
      Await.until("cluster manager closed its client", Duration.ofSeconds(10),
          () -> curator.getState() == CuratorFrameworkState.STOPPED);
    }
  }
}
