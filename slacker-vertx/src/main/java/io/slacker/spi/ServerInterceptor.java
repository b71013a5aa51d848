package io.slacker.spi;

import io.slacker.ServerCall;
import io.vertx.core.Future;

/**
 * Runs around every call a server handles, on the connection's event loop, after the arguments
 * are decoded and before the method runs. Failing with a {@link io.slacker.SlackerException}
 * (for instance {@code UNAUTHENTICATED}) sends that code to the caller.
 */
@FunctionalInterface
public interface ServerInterceptor {

  Future<Object> intercept(ServerCall call, CallChain next);
}
