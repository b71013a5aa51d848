package io.slacker.cluster.impl;

import io.slacker.spi.LoadBalancer;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link LoadBalancer#roundRobin()}. */
public final class RoundRobinBalancer implements LoadBalancer {

  @Override
  public String name() {
    return ROUND_ROBIN;
  }

  @Override
  public Selector selector(List<? extends Candidate> candidates) {
    List<? extends Candidate> list = List.copyOf(candidates);
    AtomicInteger next = new AtomicInteger(ThreadLocalRandom.current().nextInt(list.size()));
    return key -> list.get(Math.floorMod(next.getAndIncrement(), list.size()));
  }
}
