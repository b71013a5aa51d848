package io.slacker.tracing;

import io.slacker.spi.LoadBalancer;

import java.util.List;

/** Always the first candidate still untried, so that a test knows which server a call tries first. */
public final class FirstListedBalancer implements LoadBalancer {

  public static final String NAME = "test-first-listed";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Selector selector(List<? extends Candidate> candidates) {
    return hashKey -> candidates.get(0);
  }
}
