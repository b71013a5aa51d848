package io.slacker.cluster.impl;

import io.slacker.spi.LoadBalancer;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** {@link LoadBalancer#weighted()}: a binary search over cumulative weights. */
public final class WeightedBalancer implements LoadBalancer {

  @Override
  public String name() {
    return WEIGHTED;
  }

  @Override
  public Selector selector(List<? extends Candidate> candidates) {
    List<? extends Candidate> list = List.copyOf(candidates);
    long[] cumulative = new long[list.size()];
    long total = 0;
    for (int i = 0; i < list.size(); i++) {
      total += list.get(i).server().data().getWeight();
      cumulative[i] = total;
    }
    if (total == 0) {
      return new RandomBalancer().selector(list);
    }
    long sum = total;
    return key -> {
      long point = ThreadLocalRandom.current().nextLong(sum);
      int index = Arrays.binarySearch(cumulative, point + 1);
      return list.get(index >= 0 ? index : -index - 1);
    };
  }
}
