package io.slacker.spi;

import io.vertx.core.Future;

/** The rest of an interceptor chain, ending with the call itself. */
@FunctionalInterface
public interface CallChain {

  /** Runs the remaining interceptors and the call; its future carries the decoded result. */
  Future<Object> proceed();
}
