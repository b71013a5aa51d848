package io.slacker.spi;

import io.slacker.ClientCall;
import io.vertx.core.Future;

/**
 * Runs around every call a client makes, on the caller's context. It may read and write the
 * call's metadata, refuse the call by returning a failed future without calling
 * {@code next.proceed()}, or look at and change the outcome.
 */
@FunctionalInterface
public interface ClientInterceptor {

  Future<Object> intercept(ClientCall call, CallChain next);
}
