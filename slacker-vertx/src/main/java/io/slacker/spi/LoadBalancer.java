package io.slacker.spi;

import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.impl.ConsistentHashBalancer;
import io.slacker.cluster.impl.LeastInFlightBalancer;
import io.slacker.cluster.impl.RandomBalancer;
import io.slacker.cluster.impl.RoundRobinBalancer;
import io.slacker.cluster.impl.WeightedBalancer;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Picks the server of a call that goes to one server. For each membership snapshot the client
 * asks for a {@link Selector}, so a balancer can precompute what it needs (a hash ring, weight
 * sums) once per change rather than once per call. Selectors run on any thread.
 *
 * <p>Balancers are named in options; names other than the built-in ones are looked up among
 * implementations registered with {@link ServiceLoader}.
 */
public interface LoadBalancer {

  String RANDOM = "random";
  String ROUND_ROBIN = "round-robin";
  String LEAST_IN_FLIGHT = "least-in-flight";
  String WEIGHTED = "weighted";
  String CONSISTENT_HASH = "consistent-hash";

  /** Uniformly at random. */
  static LoadBalancer random() {
    return new RandomBalancer();
  }

  /** Each server in turn, starting at a random one so that clients do not move in step. */
  static LoadBalancer roundRobin() {
    return new RoundRobinBalancer();
  }

  /** Power of two choices: of two servers drawn at random, the one with fewer calls in flight from this client. */
  static LoadBalancer leastInFlight() {
    return new LeastInFlightBalancer();
  }

  /** At random, in proportion to each server's published weight; weight 0 is picked only when all are 0. */
  static LoadBalancer weighted() {
    return new WeightedBalancer();
  }

  /**
   * By the call's hash key on a ring of virtual nodes, so that the same key keeps going to the
   * same server and a membership change moves only the keys of the servers that changed. Calls
   * without a key are spread at random.
   */
  static LoadBalancer consistentHash() {
    return new ConsistentHashBalancer();
  }

  /** @throws IllegalArgumentException when no balancer has that name */
  static LoadBalancer named(String name) {
    switch (name) {
      case RANDOM:
        return random();
      case ROUND_ROBIN:
        return roundRobin();
      case LEAST_IN_FLIGHT:
        return leastInFlight();
      case WEIGHTED:
        return weighted();
      case CONSISTENT_HASH:
        return consistentHash();
      default:
        for (LoadBalancer balancer : ServiceLoader.load(LoadBalancer.class, LoadBalancer.class.getClassLoader())) {
          if (balancer.name().equals(name)) {
            return balancer;
          }
        }
        throw new IllegalArgumentException("no load balancer named '" + name + "'; built in are " + List.of(
            RANDOM, ROUND_ROBIN, LEAST_IN_FLIGHT, WEIGHTED, CONSISTENT_HASH));
    }
  }

  String name();

  /** @param candidates the servers a call may go to, never empty */
  Selector selector(List<? extends Candidate> candidates);

  /** A server as the balancer sees it. */
  interface Candidate {

    ServerInstance server();

    /** @return calls this client has sent to the server and not yet seen answered */
    int inFlight();
  }

  /** Chooses among one fixed list of candidates. */
  @FunctionalInterface
  interface Selector {

    /** @param hashKey the call's hash key, or {@code null} */
    Candidate select(String hashKey);
  }
}
