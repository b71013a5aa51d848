package io.slacker.cluster;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A server's node stays in ZooKeeper, with its latest data, whatever happens to it there. */
class ServerNodeRecoveryTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final SocketAddress A = SocketAddress.inetSocketAddress(7101, "127.0.0.1");

  private Vertx vertx;
  private EmbeddedZookeeper zookeeper;
  private ZookeeperDiscovery discovery;
  private CuratorFramework observer;
  private String node;

  @BeforeEach
  void setUp() throws Exception {
    vertx = TestVertx.create();
    zookeeper = new EmbeddedZookeeper();
    discovery = ZookeeperDiscovery.create(vertx, zookeeper.options("n"));
    observer = CuratorFrameworkFactory.newClient(zookeeper.connectString(), new RetryOneTime(100));
    observer.start();
    node = ClusterNodes.serverNode("n", "127.0.0.1:7101", "kept");
  }

  @AfterEach
  void tearDown() throws Exception {
    observer.close();
    Await.result(discovery.close());
    Await.result(vertx.close());
    zookeeper.close();
  }

  @Test
  void aNodeDeletedUnderTheServerComesBackWithItsData() throws Exception {
    ServerRegistration a = Await.result(discovery.register(A, new ServerData().setWeight(5)));
    Await.result(a.publish("kept", false));
    observer.delete().forPath(node);
    Await.until("the node back", WAIT, () -> stat() != null);
    assertEquals(5, weight());
    assertEquals(discovery.sessionId(), observer.checkExists().forPath(node).getEphemeralOwner());

    Await.result(a.updateData(a.data().setWeight(6)));
    assertEquals(6, weight(), "written when the future completes");
  }

  @Test
  void aNodeOfAnEarlierProcessGetsTheServersDataAndIsCreatedAgainWhenItsSessionEnds() throws Exception {
    CuratorFramework earlier = CuratorFrameworkFactory.newClient(zookeeper.connectString(), new RetryOneTime(100));
    earlier.start();
    earlier.create().creatingParentContainersIfNeeded().withMode(CreateMode.EPHEMERAL)
        .forPath(node, new JsonObject().put("weight", 1).encode().getBytes(StandardCharsets.UTF_8));
    long earlierSession = earlier.getZookeeperClient().getZooKeeper().getSessionId();

    ServerRegistration a = Await.result(discovery.register(A, new ServerData().setWeight(9)));
    Await.result(a.publish("kept", false));
    assertEquals(9, weight(), "the server's data, in the node it found");
    assertEquals(earlierSession, observer.checkExists().forPath(node).getEphemeralOwner(), "left to its session");

    earlier.close();
    Await.until("created again under the server's session", WAIT,
        () -> stat() != null && stat().getEphemeralOwner() == discovery.sessionId());
    assertEquals(9, weight());
  }

  @Test
  void leavingDeletesTheNodeAndNothingComesBack() throws Exception {
    ServerRegistration a = Await.result(discovery.register(A, new ServerData()));
    Await.result(a.publish("kept", false));
    Await.result(a.close());
    assertNull(observer.checkExists().forPath(node));
    Thread.sleep(500);
    assertNull(observer.checkExists().forPath(node), "the session goes on, the node stays gone");
  }

  private Stat stat() {
    try {
      return observer.checkExists().forPath(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private int weight() throws Exception {
    return new JsonObject(new String(observer.getData().forPath(node), StandardCharsets.UTF_8)).getInteger("weight");
  }
}
