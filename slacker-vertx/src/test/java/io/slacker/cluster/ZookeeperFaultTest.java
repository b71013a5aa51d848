package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ZooKeeper going away, coming back, and expiring sessions, while calls flow. */
class ZookeeperFaultTest extends ZookeeperClusterTestBase {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private ClusterNode startNode() throws Exception {
    return startNode("faults", new ClusterServerOptions());
  }

  private Who client() {
    clientDiscovery = ZookeeperDiscovery.create(vertx, zookeeper.options("faults"));
    client = SlackerClient.create(vertx, new SlackerClientOptions().setCallTimeoutMillis(2_000), clientDiscovery);
    return client.proxy(Who.class, new CallOptions());
  }

  private int listed() {
    try {
      return Await.result(client.servers(Who.NAME)).size();
    } catch (Exception e) {
      return -1;
    }
  }

  @Test
  void zookeeperDownAtClientStartFailsCallsWithinTheirTimeoutThenRecovers() throws Exception {
    ClusterNode a = startNode();
    zookeeper.stop();
    Who who = client();
    long start = System.nanoTime();
    Throwable failure = Await.failure(who.name());
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertInstanceOf(SlackerException.class, failure);
    assertEquals(StatusCode.UNAVAILABLE, ((SlackerException) failure).code());
    assertTrue(failure.getMessage().contains("ZooKeeper"), failure.getMessage());
    assertTrue(millis >= 1_500 && millis < 5_000, "fails at the call timeout, not sooner or never: " + millis);
    System.out.println("ZooKeeper down at start: first call failed after " + millis + " ms");

    zookeeper.restart();
    long recovered = Await.until("calls served once ZooKeeper is back", WAIT, () -> {
      try {
        return Await.result(who.name()).equals(a.name());
      } catch (Exception e) {
        return false;
      }
    });
    System.out.println("ZooKeeper down at start: calls served " + recovered + " ms after it came back");
  }

  @Test
  void callsKeepFlowingWhileZookeeperIsDownAndNewServersAppearAfter() throws Exception {
    startNode();
    startNode();
    Who who = client();
    Await.until("both listed", WAIT, () -> listed() == 2);

    LoadLoop load = new LoadLoop(vertx, who::name, 4);
    load.start();
    Thread.sleep(300);
    zookeeper.stop();
    int before = load.succeeded();
    Thread.sleep(4_000);
    assertTrue(load.succeeded() > before + 100, "calls went on with ZooKeeper down");
    zookeeper.restart();
    ClusterNode late = startNode();
    Await.until("the new server takes calls", WAIT, () -> load.lastAnswerFrom(late.name()) != 0);
    LoadLoop.Totals totals = Await.result(load.stop());
    System.out.println("ZooKeeper outage under load: " + totals);
    assertEquals(0, totals.failed(), "no call failed: " + totals);
  }

  @Test
  void serverSessionExpiryLosesNoCallAndTheServerStaysInUse() throws Exception {
    ClusterNode a = startNode();
    ClusterNode b = startNode();
    Who who = client();
    Await.until("both listed", WAIT, () -> listed() == 2);

    LoadLoop load = new LoadLoop(vertx, who::name, 4);
    load.start();
    Thread.sleep(300);
    ((ZookeeperDiscovery) a.discovery).curator().getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
    Thread.sleep(2_000);
    Await.until("A listed again", WAIT, () -> listed() == 2);
    long mark = System.nanoTime();
    Await.until("A answers after re-registering", WAIT, () -> load.lastAnswerFrom(a.name()) > mark);
    LoadLoop.Totals totals = Await.result(load.stop());
    System.out.println("server session expiry under load: " + totals);
    assertEquals(0, totals.failed(), "no call failed: " + totals);
    assertTrue(totals.byServer().get(b.name()) > 0);
  }

  @Test
  void aShortZookeeperOutageCostsTheLeaderNeitherItsTermNorItsCalls() throws Exception {
    ClusterNode a = startNode("faults", new ClusterServerOptions().addLeaderService(Who.NAME));
    startNode("faults", new ClusterServerOptions().addLeaderService(Who.NAME));
    client();
    Await.until("a leader", WAIT, () -> a.server.membership().isLeader(Who.NAME) || nodes.get(1).server.membership().isLeader(Who.NAME));
    ClusterNode leading = a.server.membership().isLeader(Who.NAME) ? a : nodes.get(1);
    long term = leading.server.membership().leaderTerm(Who.NAME);
    Who toLeader = client.proxy(Who.class, new CallOptions().setGrouping(Grouping.leader()));
    assertEquals(leading.name(), Await.result(toLeader.name()));

    // Down for less than the session timeout (3 s): every session survives, connections are SUSPENDED, then back.
    zookeeper.stop();
    Thread.sleep(1_000);
    zookeeper.restart();
    long back = Await.until("the leader's lease renewed", WAIT, () -> leading.server.membership().isLeader(Who.NAME));
    assertEquals(term, leading.server.membership().leaderTerm(Who.NAME), "the same term: no new election");
    assertEquals(leading.name(), Await.result(toLeader.name()));
    System.out.println("ZooKeeper down 1 s: the leader kept term " + term + ", leading again " + back + " ms after the restart");
  }
}
