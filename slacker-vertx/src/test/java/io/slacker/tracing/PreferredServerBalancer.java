package io.slacker.tracing;

import io.slacker.spi.LoadBalancer;
import io.vertx.core.net.SocketAddress;

import java.util.List;

/**
 * Picks {@link #preferred} while it is a candidate, else any: so that a test knows which server a
 * call tries first, whatever order discovery lists them in.
 */
public final class PreferredServerBalancer implements LoadBalancer {

  public static final String NAME = "test-preferred-server";

  /** The server to try first; set by the test before its call. */
  static volatile SocketAddress preferred;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Selector selector(List<? extends Candidate> candidates) {
    return hashKey -> {
      for (Candidate candidate : candidates) {
        if (candidate.server().address().equals(preferred)) {
          return candidate;
        }
      }
      return candidates.get(0);
    };
  }
}
