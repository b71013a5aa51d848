package io.slacker.cluster.impl;

import io.slacker.spi.LoadBalancer;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** {@link LoadBalancer#random()}. */
public final class RandomBalancer implements LoadBalancer {

  @Override
  public String name() {
    return RANDOM;
  }

  @Override
  public Selector selector(List<? extends Candidate> candidates) {
    List<? extends Candidate> list = List.copyOf(candidates);
    return key -> list.get(ThreadLocalRandom.current().nextInt(list.size()));
  }
}
