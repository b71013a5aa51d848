package io.slacker.cluster;

import io.slacker.spi.LoadBalancer;

import java.util.List;

/** A user's balancer with a bug: it throws when it picks. Registered for the tests under {@link #NAME}. */
public final class ThrowingBalancer implements LoadBalancer {

  public static final String NAME = "test-throwing";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Selector selector(List<? extends Candidate> candidates) {
    return hashKey -> {
      throw new IllegalStateException("balancer bug");
    };
  }
}
