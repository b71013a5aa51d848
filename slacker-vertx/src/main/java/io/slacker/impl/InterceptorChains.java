package io.slacker.impl;

import io.slacker.spi.CallChain;
import io.vertx.core.Future;

import java.util.List;

/** Runs a list of interceptors around a terminal call; a throwing interceptor fails the call. */
public final class InterceptorChains {

  /** How one interceptor is applied to the call at hand. */
  @FunctionalInterface
  public interface Step<I> {
    Future<Object> apply(I interceptor, CallChain next);
  }

  private InterceptorChains() {
  }

  public static <I> Future<Object> run(List<I> interceptors, Step<I> step, CallChain terminal) {
    return proceed(interceptors, 0, step, terminal);
  }

  private static <I> Future<Object> proceed(List<I> interceptors, int index, Step<I> step, CallChain terminal) {
    try {
      Future<Object> result = index == interceptors.size()
          ? terminal.proceed()
          : step.apply(interceptors.get(index), () -> proceed(interceptors, index + 1, step, terminal));
      return result != null ? result : Future.failedFuture(new IllegalStateException(
          "an interceptor or method returned null instead of a Future"));
    } catch (Throwable failure) {
      return Future.failedFuture(failure);
    }
  }
}
