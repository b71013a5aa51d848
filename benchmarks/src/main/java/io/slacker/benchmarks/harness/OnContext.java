package io.slacker.benchmarks.harness;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Makes a Vert.x client's calls from one context, as a verticle makes them. A call made from a
 * thread outside Vert.x gets a fresh context on some event loop, and its answers would then
 * cross threads on every call; the first hop here is the only one, since each next call is
 * issued from the answer's callback, already on the context.
 */
public final class OnContext {

  private OnContext() {
  }

  public static void run(Context context, Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }
}
