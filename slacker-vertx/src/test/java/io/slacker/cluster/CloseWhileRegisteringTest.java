package io.slacker.cluster;

import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.test.EchoServices;
import io.vertx.core.Future;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server closed while its registration in ZooKeeper is still in flight: the registration that
 * lands afterwards is withdrawn, even when the ZooKeeper session is shared and outlives the server.
 */
class CloseWhileRegisteringTest extends ZookeeperClusterTestBase {

  private static final String CLUSTER = "closing";
  private static final String SERVERS = ZookeeperDiscoveryOptions.DEFAULT_ROOT_PATH + "/" + CLUSTER + "/servers";

  @Test
  void aServerClosedDuringListenStaysUnpublished() throws Exception {
    CuratorFramework shared = CuratorFrameworkFactory.newClient(zookeeper.connectString(), 3_000, 1_000, new RetryOneTime(100));
    shared.start();
    try {
      assertTrue(shared.blockUntilConnected(10, TimeUnit.SECONDS));
      ZookeeperDiscovery discovery = ZookeeperDiscovery.create(vertx, shared, zookeeper.options(CLUSTER));
      for (int delayMillis : new int[]{0, 0, 1, 2, 5, 10, 20}) {
        SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0),
            discovery).register(new EchoServices().definition());
        Future<SlackerServer> listening = server.listen();
        if (delayMillis > 0) {
          Thread.sleep(delayMillis);
        }
        Await.result(server.close());
        listening.transform(ar -> Future.succeededFuture()).await(10, TimeUnit.SECONDS);
      }
      Thread.sleep(300);
      List<String> left = shared.checkExists().forPath(SERVERS) == null ? List.of() : shared.getChildren().forPath(SERVERS);
      assertEquals(List.of(), left, "no closed server left published");
      Await.result(discovery.close());
    } finally {
      shared.close();
    }
  }
}
