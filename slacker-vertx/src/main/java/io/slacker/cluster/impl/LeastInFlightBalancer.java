package io.slacker.cluster.impl;

import io.slacker.spi.LoadBalancer;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link LoadBalancer#leastInFlight()}: two random choices avoid both the herd that a global
 * "least loaded" pick causes among many clients and the cost of scanning every server.
 */
public final class LeastInFlightBalancer implements LoadBalancer {

  @Override
  public String name() {
    return LEAST_IN_FLIGHT;
  }

  @Override
  public Selector selector(List<? extends Candidate> candidates) {
    List<? extends Candidate> list = List.copyOf(candidates);
    int size = list.size();
    if (size == 1) {
      Candidate only = list.get(0);
      return key -> only;
    }
    return key -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      int first = random.nextInt(size);
      int second = random.nextInt(size - 1);
      if (second >= first) {
        second++;
      }
      Candidate a = list.get(first);
      Candidate b = list.get(second);
      return b.inFlight() < a.inFlight() ? b : a;
    };
  }
}
