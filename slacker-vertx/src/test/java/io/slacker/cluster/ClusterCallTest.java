package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.spi.LoadBalancer;
import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real servers and clients over an in-process ZooKeeper. */
class ClusterCallTest extends ZookeeperClusterTestBase {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private ClusterNode startNode(ClusterServerOptions cluster) throws Exception {
    return startNode("calls", cluster);
  }

  private SlackerClient client(ClusterClientOptions cluster) {
    clientDiscovery = ZookeeperDiscovery.create(vertx, zookeeper.options("calls"));
    client = SlackerClient.create(vertx, new SlackerClientOptions().setCallTimeoutMillis(3_000).setCluster(cluster),
        clientDiscovery);
    return client;
  }

  private Set<String> namesOf(List<ServerInstance> servers) {
    Set<String> names = new HashSet<>();
    servers.forEach(s -> names.add(s.toString()));
    return names;
  }

  private void awaitServers(int count) throws Exception {
    Await.until(count + " servers listed", WAIT, () -> {
      try {
        return Await.result(client.servers(Who.NAME)).size() == count;
      } catch (Exception e) {
        return false;
      }
    });
  }

  @Test
  void callsAreSpreadOverEveryPublishedServer() throws Exception {
    for (int i = 0; i < 3; i++) {
      startNode(new ClusterServerOptions());
    }
    Who who = client(new ClusterClientOptions().setLoadBalancer(LoadBalancer.ROUND_ROBIN)).proxy(Who.class, new CallOptions());
    awaitServers(3);
    Set<String> answered = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      answered.add(Await.result(who.name()));
    }
    assertEquals(Set.of(nodes.get(0).name(), nodes.get(1).name(), nodes.get(2).name()), answered);
    // A third each; one off if a late membership update restarted the rotation.
    nodes.forEach(n -> assertTrue(Math.abs(n.who.calls.get() - 10) <= 1, "round robin gives each server a third"));
  }

  @Test
  void allReachesEveryServerWithATypedResult() throws Exception {
    for (int i = 0; i < 3; i++) {
      startNode(new ClusterServerOptions());
    }
    client(new ClusterClientOptions());
    awaitServers(3);
    GroupResult<String> result = Await.result(client.all(Who.class, Who::name));
    assertEquals(3, result.size());
    assertEquals(Set.of(nodes.get(0).name(), nodes.get(1).name(), nodes.get(2).name()), Set.copyOf(result.values()));
    result.asMap().forEach((server, outcome) -> assertEquals(server.host() + ":" + server.port(), outcome.value()));

    GroupResult<String> byDescriptor = Await.result(client.<String>group(Who.NAME_METHOD, new Object[0], Grouping.all(), null));
    assertEquals(Set.copyOf(result.values()), Set.copyOf(byDescriptor.values()));

    GroupResult<String> two = Await.result(client.group(Who.class,
        Grouping.servers(List.of(nodes.get(0).address, nodes.get(2).address)), Who::name));
    assertEquals(List.of(nodes.get(0).name(), nodes.get(2).name()), two.values());

    Who merged = client.proxy(Who.class, new CallOptions().setGrouping(
        Grouping.all().withMerge((GroupResult<String> r) -> String.valueOf(r.size()))));
    assertEquals("3", Await.result(merged.name()), "a proxy with ALL completes with the merge");
  }

  @Test
  void leaderCallsFollowTheElectedLeader() throws Exception {
    for (int i = 0; i < 3; i++) {
      startNode(new ClusterServerOptions().addLeaderService(Who.NAME));
    }
    client(new ClusterClientOptions());
    Await.until("a leader", WAIT, () -> leaderOrNull() != null);
    SocketAddress leader = leaderOrNull();
    ClusterNode leading = nodes.stream().filter(n -> n.address.equals(leader)).findFirst().orElseThrow();
    assertTrue(leading.server.membership().isLeader(Who.NAME));
    // The election names the leading process, and its server node publishes the same incarnation.
    ServiceMembers members = Await.result(clientDiscovery.watch(Who.NAME, m -> { })).current();
    String incarnation = members.leaderIncarnation();
    assertTrue(incarnation != null && !incarnation.isEmpty(), "the leader's incarnation is known");
    assertEquals(incarnation, members.servers().stream().filter(s -> s.address().equals(leader)).findFirst().orElseThrow()
        .data().getIncarnation());

    Who toLeader = client.proxy(Who.class, new CallOptions().setGrouping(Grouping.leader()));
    for (int i = 0; i < 5; i++) {
      assertEquals(leading.name(), Await.result(toLeader.name()));
    }

    Await.result(leading.server.membership().offline());
    Await.until("leadership moves when the leader goes offline", WAIT,
        () -> leaderOrNull() != null && !leader.equals(leaderOrNull()));
    assertFalse(leading.server.membership().isLeader(Who.NAME));
    String next = Await.result(toLeader.name());
    assertEquals(leaderOrNull().host() + ":" + leaderOrNull().port(), next);
  }

  private SocketAddress leaderOrNull() {
    try {
      return Await.result(client.leader(Who.NAME));
    } catch (Exception e) {
      return null;
    }
  }

  @Test
  void offlineAndOnlineTakeAServerOutOfRotationAndBack() throws Exception {
    ClusterNode a = startNode(new ClusterServerOptions());
    ClusterNode b = startNode(new ClusterServerOptions());
    Who who = client(new ClusterClientOptions()).proxy(Who.class, new CallOptions());
    awaitServers(2);

    Await.result(a.server.membership().offline(Who.NAME));
    Await.until("A out", WAIT, () -> serversNow().equals(Set.of(b.name())));
    int before = a.who.calls.get();
    for (int i = 0; i < 20; i++) {
      assertEquals(b.name(), Await.result(who.name()));
    }
    assertEquals(before, a.who.calls.get());

    Await.result(a.server.membership().online(Who.NAME));
    Await.until("A back", WAIT, () -> serversNow().size() == 2);
    Await.result(a.server.membership().updateData(new ServerData().setWeight(0).setZone("drain-me")));
    Await.until("new data seen", WAIT, () -> {
      try {
        return Await.result(client.servers(Who.NAME)).stream().anyMatch(s -> "drain-me".equals(s.data().getZone()));
      } catch (Exception e) {
        return false;
      }
    });
  }

  private Set<String> serversNow() {
    try {
      return namesOf(Await.result(client.servers(Who.NAME)));
    } catch (Exception e) {
      return Set.of();
    }
  }

  @Test
  void gracefulShutdownLosesNoCall() throws Exception {
    ClusterNode a = startNode(new ClusterServerOptions().setWithdrawGraceMillis(1_000));
    startNode(new ClusterServerOptions());
    Who who = client(new ClusterClientOptions()).proxy(Who.class, new CallOptions());
    awaitServers(2);

    LoadLoop load = new LoadLoop(vertx, () -> who.work(20), 8);
    load.start();
    Thread.sleep(500);
    long start = System.nanoTime();
    Await.result(a.server.shutdown(5, TimeUnit.SECONDS));
    long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    Thread.sleep(300);
    LoadLoop.Totals totals = Await.result(load.stop());
    nodes.remove(a);
    Await.result(a.discovery.close());
    System.out.println("graceful shutdown: " + stopMillis + " ms, " + totals);
    assertTrue(totals.succeeded() > 50, "calls flowed: " + totals);
    assertEquals(0, totals.failed(), "no call failed while a server stopped gracefully: " + totals);
  }

  @Test
  void serviceWithNoServersFailsFastWithUnavailableNamingIt() throws Exception {
    Who who = client(new ClusterClientOptions()).proxy(Who.class, new CallOptions());
    long start = System.nanoTime();
    Throwable failure = Await.failure(who.name());
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertInstanceOf(SlackerException.class, failure);
    assertEquals(StatusCode.UNAVAILABLE, ((SlackerException) failure).code());
    assertTrue(failure.getMessage().contains(Who.NAME), failure.getMessage());
    assertTrue(millis < 2_000, "well before the 3 s call timeout: " + millis + " ms");
  }

  @Test
  void unreachableServerLeavesRotationAtOnceAndNoCallFails() throws Exception {
    ClusterNode b = startNode(new ClusterServerOptions());
    // Bound but not listening: connects are refused, and the port cannot become a connect's
    // own source port (which would let the client connect to itself).
    java.net.Socket holder = new java.net.Socket();
    holder.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
    SocketAddress dead = SocketAddress.inetSocketAddress(holder.getLocalPort(), "127.0.0.1");
    StaticDiscovery listing = StaticDiscovery.create(vertx).add(Who.NAME, dead).add(Who.NAME, b.address);
    client = SlackerClient.create(vertx, new SlackerClientOptions().setCluster(
        new ClusterClientOptions().setLoadBalancer(LoadBalancer.ROUND_ROBIN).setProbeInitialMillis(60_000)), listing);
    Who who = client.proxy(Who.class, new CallOptions());
    for (int i = 0; i < 20; i++) {
      assertEquals(b.name(), Await.result(who.name()), "a refused connection fails over, even for a non-idempotent method");
    }
    assertEquals(Set.of(b.name()), serversNow(), "the dead address is out of rotation while discovery still lists it");
    holder.close();
  }
}
