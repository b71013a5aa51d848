package io.slacker.cluster;

import io.slacker.test.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After their sessions expire together, as when ZooKeeper was down longer than the session
 * timeout, servers re-create their nodes spread over the recovery jitter, not in one burst. The
 * client gives up its sessions here (as Curator does once a disconnection outlasts the session
 * timeout) while ZooKeeper still holds them: the old nodes are replaced at each server's own time,
 * not all at the moment ZooKeeper drops the old sessions, as Curator's PersistentNode did.
 */
class ZookeeperRecoveryJitterTest {

  private static final int SERVERS = 10;
  private static final int JITTER_MILLIS = 6_000;

  private EmbeddedZookeeper zookeeper;
  private Vertx vertx;
  private final List<ZookeeperDiscovery> discoveries = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    zookeeper = new EmbeddedZookeeper();
    vertx = TestVertx.create();
  }

  @AfterEach
  void stop() throws Exception {
    for (ZookeeperDiscovery discovery : discoveries) {
      Await.result(discovery.close());
    }
    Await.result(vertx.close());
    zookeeper.close();
  }

  @Test
  void serversComeBackSpreadOverTheJitter() throws Exception {
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < SERVERS; i++) {
      ZookeeperDiscovery discovery = ZookeeperDiscovery.create(vertx,
          zookeeper.options("jitter").setRecoveryJitterMillis(JITTER_MILLIS));
      discoveries.add(discovery);
      ServerRegistration registration = Await.result(
          discovery.register(SocketAddress.inetSocketAddress(9000 + i, "127.0.0.1"), new ServerData()));
      Await.result(registration.publish("spread", false));
      nodes.add(ClusterNodes.serverNode("jitter", "127.0.0.1:" + (9000 + i), "spread"));
    }
    try (CuratorFramework observer = CuratorFrameworkFactory.newClient(zookeeper.connectString(), new RetryOneTime(100))) {
      observer.start();
      long[] sessions = new long[SERVERS];
      for (int i = 0; i < SERVERS; i++) {
        sessions[i] = discoveries.get(i).sessionId();
        discoveries.get(i).curator().getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
      }
      long expired = System.nanoTime();
      long[] back = new long[SERVERS];
      int left = SERVERS;
      long deadline = expired + TimeUnit.MILLISECONDS.toNanos(JITTER_MILLIS + 15_000);
      while (left > 0 && System.nanoTime() < deadline) {
        for (int i = 0; i < SERVERS; i++) {
          if (back[i] == 0) {
            var stat = observer.checkExists().forPath(nodes.get(i));
            if (stat != null && stat.getEphemeralOwner() != sessions[i]) {
              back[i] = System.nanoTime() - expired;
              left--;
            }
          }
        }
        Thread.sleep(10);
      }
      assertTrue(left == 0, left + " servers did not come back");
      long first = Long.MAX_VALUE;
      long last = 0;
      for (long at : back) {
        first = Math.min(first, at);
        last = Math.max(last, at);
      }
      long spreadMillis = TimeUnit.NANOSECONDS.toMillis(last - first);
      System.out.println("Nodes back after the expiry, ms: "
          + java.util.Arrays.toString(java.util.Arrays.stream(back).map(TimeUnit.NANOSECONDS::toMillis).sorted().toArray()));
      // ZooKeeper's client alone spreads reconnections over up to a second; ten uniform delays over
      // 6 s all within 2 s of each other happen about once in 2,000 runs.
      assertTrue(spreadMillis >= 2_000, "came back within " + spreadMillis + " ms of each other: "
          + java.util.Arrays.toString(java.util.Arrays.stream(back).map(TimeUnit.NANOSECONDS::toMillis).toArray()));
    }
  }
}
