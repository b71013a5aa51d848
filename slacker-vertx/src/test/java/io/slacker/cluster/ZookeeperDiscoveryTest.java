package io.slacker.cluster;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.apache.zookeeper.CreateMode;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZookeeperDiscoveryTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final SocketAddress A = SocketAddress.inetSocketAddress(7001, "127.0.0.1");
  private static final SocketAddress B = SocketAddress.inetSocketAddress(7002, "127.0.0.1");

  private Vertx vertx;
  private EmbeddedZookeeper zookeeper;
  private ZookeeperDiscovery serverSide;
  private ZookeeperDiscovery clientSide;

  @BeforeEach
  void setUp() throws Exception {
    vertx = TestVertx.create();
    zookeeper = new EmbeddedZookeeper();
    serverSide = ZookeeperDiscovery.create(vertx, zookeeper.options("t"));
    clientSide = ZookeeperDiscovery.create(vertx, zookeeper.options("t"));
  }

  @AfterEach
  void tearDown() throws Exception {
    Await.result(clientSide.close());
    Await.result(serverSide.close());
    Await.result(vertx.close());
    zookeeper.close();
  }

  @Test
  void publishedServersAndTheirDataReachWatchers() throws Exception {
    List<ServiceMembers> updates = new CopyOnWriteArrayList<>();
    ServiceWatch watch = Await.result(clientSide.watch("greeter", updates::add));
    assertTrue(watch.current().isEmpty(), "a service nobody published has no servers");

    ServerRegistration a = Await.result(serverSide.register(A, new ServerData().setWeight(7).setZone("z1")));
    Await.result(a.publish("greeter", false));
    Await.until("A in the watch", WAIT, () -> watch.current().servers().size() == 1);
    ServerInstance seen = watch.current().servers().get(0);
    assertEquals(A, seen.address());
    assertEquals(7, seen.data().getWeight());
    assertEquals("z1", seen.data().getZone());
    assertTrue(seen.data().getStartTime() > 0, "start time is filled in on publication");

    Await.result(a.updateData(a.data().setWeight(3).putAttribute("build", "42")));
    Await.until("new weight", WAIT, () -> watch.current().servers().get(0).data().getWeight() == 3);
    assertEquals("42", watch.current().servers().get(0).data().getAttributes().getString("build"));

    Await.result(a.withdraw("greeter"));
    Await.until("A withdrawn", WAIT, () -> watch.current().isEmpty());
    assertFalse(updates.isEmpty(), "the listener saw the changes");
    assertTrue(updates.get(updates.size() - 1).isEmpty());
  }

  @Test
  void leadershipMovesWhenTheLeaderWithdraws() throws Exception {
    ServiceWatch watch = Await.result(clientSide.watch("ledger", m -> { }));
    ServerRegistration a = Await.result(serverSide.register(A, new ServerData()));
    Await.result(a.publish("ledger", true));
    Await.until("A leads", WAIT, () -> A.equals(watch.current().leader()) && a.isLeader("ledger"));

    ZookeeperDiscovery otherProcess = ZookeeperDiscovery.create(vertx, zookeeper.options("t"));
    try {
      ServerRegistration b = Await.result(otherProcess.register(B, new ServerData()));
      List<String> bLeadershipEvents = new CopyOnWriteArrayList<>();
      b.leadershipHandler(bLeadershipEvents::add);
      Await.result(b.publish("ledger", true));
      assertFalse(b.isLeader("ledger"), "the second candidate waits");

      Await.result(a.withdraw("ledger"));
      // The leadership event reaches B's handler on its context, just after isLeader turns true.
      Await.until("B leads", WAIT, () -> B.equals(watch.current().leader()) && b.isLeader("ledger")
          && !bLeadershipEvents.isEmpty());
      // A leaves the election before it leaves rotation: a watch may see the two changes apart.
      Await.until("A out of rotation", WAIT,
          () -> watch.current().servers().stream().map(ServerInstance::address).toList().equals(List.of(B)));
      assertEquals(List.of("ledger"), bLeadershipEvents);
    } finally {
      Await.result(otherProcess.close());
    }
  }

  @Test
  void corruptServerNodeIsSkippedAndTheOthersAreUsed() throws Exception {
    ServerRegistration a = Await.result(serverSide.register(A, new ServerData()));
    Await.result(a.publish("greeter", false));
    try (CuratorFramework raw = CuratorFrameworkFactory.newClient(zookeeper.connectString(), new RetryOneTime(100))) {
      raw.start();
      raw.create().creatingParentsIfNeeded()
          .forPath("/slacker/cluster/t/services/greeter/127.0.0.1:7003", "{not json".getBytes(StandardCharsets.UTF_8));
      raw.create().forPath("/slacker/cluster/t/services/greeter/no-port", new byte[0]);
      raw.create().forPath("/slacker/cluster/t/services/greeter/127.0.0.1:7004",
          "{\"weight\":\"heavy\"}".getBytes(StandardCharsets.UTF_8));
    }
    ServiceWatch watch = Await.result(clientSide.watch("greeter", m -> { }));
    assertEquals(List.of(A), watch.current().servers().stream().map(ServerInstance::address).toList());
  }

  /** A server of the earlier layout (one node per service) and one of the service sets are both found. */
  @Test
  void serversOfTheEarlierLayoutAreFoundBesideThoseOfServiceSets() throws Exception {
    ServerRegistration a = Await.result(serverSide.register(A, new ServerData()));
    Await.result(a.publish("greeter", false));
    ServiceWatch watch = Await.result(clientSide.watch("greeter", m -> { }));
    try (CuratorFramework older = CuratorFrameworkFactory.newClient(zookeeper.connectString(), new RetryOneTime(100))) {
      older.start();
      older.create().creatingParentContainersIfNeeded().withMode(CreateMode.EPHEMERAL)
          .forPath("/slacker/cluster/t/services/greeter/127.0.0.1:7005", "{\"weight\":5}".getBytes(StandardCharsets.UTF_8));
      Await.until("both listed", WAIT, () -> watch.current().servers().size() == 2);
      assertEquals(List.of(A, SocketAddress.inetSocketAddress(7005, "127.0.0.1")),
          watch.current().servers().stream().map(ServerInstance::address).toList());
      assertEquals(5, watch.current().servers().get(1).data().getWeight());
    }
    Await.until("the older server's node left with its session", WAIT, () -> watch.current().servers().size() == 1);
    assertEquals(List.of(A), watch.current().servers().stream().map(ServerInstance::address).toList());
  }

  @Test
  void serverRepublishesAfterItsSessionExpires() throws Exception {
    ServiceWatch watch = Await.result(clientSide.watch("greeter", m -> { }));
    ServerRegistration a = Await.result(serverSide.register(A, new ServerData()));
    Await.result(a.publish("greeter", true));
    Await.until("A listed and leading", WAIT, () -> watch.current().servers().size() == 1 && A.equals(watch.current().leader()));

    String member = ClusterNodes.serverNode("t", "127.0.0.1:7001", "greeter");
    long oldSession = serverSide.curator().getZookeeperClient().getZooKeeper().getSessionId();
    assertEquals(oldSession, serverSide.curator().checkExists().forPath(member).getEphemeralOwner());
    serverSide.curator().getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();

    Await.until("A re-created under a new session", WAIT, () -> {
      try {
        long session = serverSide.curator().getZookeeperClient().getZooKeeper().getSessionId();
        var stat = serverSide.curator().checkExists().forPath(member);
        return session != oldSession && stat != null && stat.getEphemeralOwner() == session;
      } catch (Exception e) {
        return false;
      }
    });
    Await.until("A listed and leading again", WAIT,
        () -> watch.current().servers().size() == 1 && A.equals(watch.current().leader()) && a.isLeader("greeter"));
    assertTrue(a.isLeader("greeter"));
  }

  @Test
  void watchStartedWhileZookeeperIsDownCompletesWhenItComesUp() throws Exception {
    zookeeper.stop();
    var pending = clientSide.watch("greeter", m -> { });
    Thread.sleep(1_500);
    assertFalse(pending.isComplete(), "no snapshot while ZooKeeper is down");
    zookeeper.restart();
    ServiceWatch watch = Await.result(pending);
    assertTrue(watch.current().isEmpty());
    assertNull(watch.current().leader());
  }

  @Test
  void lastKnownMembersSurviveAnOutageAndNewServersAppearAfterIt() throws Exception {
    ServerRegistration a = Await.result(serverSide.register(A, new ServerData()));
    Await.result(a.publish("greeter", false));
    ServiceWatch watch = Await.result(clientSide.watch("greeter", m -> { }));
    assertEquals(1, watch.current().servers().size());

    zookeeper.stop();
    Thread.sleep(2_000);
    assertEquals(List.of(A), watch.current().servers().stream().map(ServerInstance::address).toList(),
        "the cache keeps the last known members while ZooKeeper is away");

    zookeeper.restart();
    ZookeeperDiscovery late = ZookeeperDiscovery.create(vertx, zookeeper.options("t"));
    try {
      ServerRegistration b = Await.result(late.register(B, new ServerData()));
      Await.result(b.publish("greeter", false));
      Await.until("B seen after the outage", WAIT, () -> watch.current().servers().size() == 2);
    } finally {
      Await.result(late.close());
    }
  }
}
