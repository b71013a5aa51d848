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

  /** Runs the method's synchronous part with {@code call} as the current call. */
  @SuppressWarnings("unchecked")
  static Future<Object> invoke(ServerCall call, MethodHandler handler, Object[] args) throws Exception {
    ServerCall previous = CURRENT.get();
    CURRENT.set(call);
    try {
      return (Future<Object>) handler.invoke(args);
    } finally {
      CURRENT.set(previous);
    }
  }
}
