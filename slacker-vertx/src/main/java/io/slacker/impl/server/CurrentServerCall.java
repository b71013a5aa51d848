package io.slacker.impl.server;

import io.slacker.MethodHandler;
import io.slacker.ServerCall;
import io.vertx.core.Future;

/** Makes the running call visible to service code through {@link ServerCall#current()}. */
public final class CurrentServerCall {

  private static final ThreadLocal<ServerCall> CURRENT = new ThreadLocal<>();

  private CurrentServerCall() {
  }

  public static ServerCall get() {
    return CURRENT.get();
  }

  /**
   * Runs the method's synchronous part with {@code call} as the current call. What the method
   * throws or fails with is its own failure (see {@link MethodFailures}).
   *
   * @return the method's result, or {@code null} when the method returned {@code null}
   */
  @SuppressWarnings("unchecked")
  static Future<Object> invoke(ServerCall call, MethodHandler handler, Object[] args) {
    ServerCall previous = CURRENT.get();
    CURRENT.set(call);
    Future<Object> result;
    try {
      result = (Future<Object>) handler.invoke(args);
    } catch (Throwable thrown) {
      return Future.failedFuture(MethodFailures.fromMethod(thrown));
    } finally {
      CURRENT.set(previous);
    }
    if (result == null || (result.isComplete() && result.succeeded())) {
      return result;
    }
    return result.recover(failure -> Future.failedFuture(MethodFailures.fromMethod(failure)));
  }
}
