package io.slacker.cluster.impl;

import io.slacker.cluster.ServerData;
import io.slacker.cluster.ServerInstance;
import io.slacker.spi.LoadBalancer;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadBalancersTest {

  private record Server(ServerInstance server, int inFlight) implements LoadBalancer.Candidate {
  }

  private static List<Server> servers(int... weights) {
    List<Server> list = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      list.add(new Server(new ServerInstance(SocketAddress.inetSocketAddress(9000 + i, "127.0.0.1"),
          new ServerData().setWeight(weights[i])), 0));
    }
    return list;
  }

  private static Map<LoadBalancer.Candidate, Integer> count(LoadBalancer.Selector selector, int calls) {
    Map<LoadBalancer.Candidate, Integer> counts = new HashMap<>();
    for (int i = 0; i < calls; i++) {
      counts.merge(selector.select(null), 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void roundRobinVisitsEachServerInTurn() {
    List<Server> list = servers(1, 1, 1);
    Map<LoadBalancer.Candidate, Integer> counts = count(LoadBalancer.roundRobin().selector(list), 300);
    list.forEach(s -> assertEquals(100, counts.get(s)));
  }

  @Test
  void randomReachesEveryServer() {
    List<Server> list = servers(1, 1, 1, 1);
    Map<LoadBalancer.Candidate, Integer> counts = count(LoadBalancer.random().selector(list), 4_000);
    list.forEach(s -> assertTrue(counts.getOrDefault(s, 0) > 700, "each server gets about a quarter: " + counts));
  }

  @Test
  void weightedFollowsPublishedWeightsAndSkipsZero() {
    List<Server> list = servers(1, 3, 0);
    Map<LoadBalancer.Candidate, Integer> counts = count(LoadBalancer.weighted().selector(list), 8_000);
    assertEquals(null, counts.get(list.get(2)), "weight 0 is never picked");
    double ratio = counts.get(list.get(1)) / (double) counts.get(list.get(0));
    assertTrue(ratio > 2.5 && ratio < 3.5, "3:1 expected, got " + ratio);
    assertEquals(3, count(LoadBalancer.weighted().selector(servers(0, 0, 0)), 300).size(), "all zero: uniform");
  }

  @Test
  void leastInFlightNeverPicksTheBusiestOfTwo() {
    List<Server> list = List.of(
        new Server(new ServerInstance(SocketAddress.inetSocketAddress(1, "a"), new ServerData()), 50),
        new Server(new ServerInstance(SocketAddress.inetSocketAddress(2, "b"), new ServerData()), 0));
    LoadBalancer.Selector selector = LoadBalancer.leastInFlight().selector(list);
    for (int i = 0; i < 100; i++) {
      assertSame(list.get(1), selector.select(null));
    }
    List<Server> three = new ArrayList<>(servers(1, 1));
    three.add(new Server(new ServerInstance(SocketAddress.inetSocketAddress(3, "c"), new ServerData()), 99));
    Map<LoadBalancer.Candidate, Integer> counts = count(LoadBalancer.leastInFlight().selector(three), 3_000);
    assertEquals(null, counts.get(three.get(2)), "the busiest of three loses every pair it is drawn in");
  }

  @Test
  void consistentHashKeepsKeysAndMovesFewWhenAServerLeaves() {
    List<Server> four = servers(1, 1, 1, 1);
    LoadBalancer.Selector before = LoadBalancer.consistentHash().selector(four);
    LoadBalancer.Selector again = LoadBalancer.consistentHash().selector(four);
    LoadBalancer.Selector after = LoadBalancer.consistentHash().selector(four.subList(0, 3));
    int moved = 0;
    Map<LoadBalancer.Candidate, Integer> spread = new HashMap<>();
    for (int k = 0; k < 4_000; k++) {
      String key = "user-" + k;
      LoadBalancer.Candidate owner = before.select(key);
      spread.merge(owner, 1, Integer::sum);
      assertSame(owner, again.select(key), "the same key goes to the same server");
      LoadBalancer.Candidate next = after.select(key);
      if (owner != four.get(3)) {
        assertSame(owner, next, "keys of servers that stay do not move");
      } else {
        moved++;
      }
    }
    assertTrue(moved > 600 && moved < 1_400, "about a quarter of the keys moved: " + moved);
    four.forEach(s -> assertTrue(spread.get(s) > 600, "ring is balanced: " + spread));
  }

  @Test
  void namesResolveToBuiltInsAndUnknownNamesAreRejected() {
    assertEquals("weighted", LoadBalancer.named("weighted").name());
    assertEquals("least-in-flight", LoadBalancer.named("least-in-flight").name());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadBalancer.named("fastest"));
    assertTrue(e.getMessage().contains("fastest"));
  }
}
