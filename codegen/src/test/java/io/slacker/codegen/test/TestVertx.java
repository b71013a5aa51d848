package io.slacker.codegen.test;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.concurrent.TimeUnit;

/**
 * Vert.x instances for tests, with the blocked-thread checker at a low threshold; pair with
 * {@link BlockedThreadGuard}. (A small copy of slacker-vertx's test helper, which is not published.)
 */
public final class TestVertx {

  /**
   * Low enough to catch a blocking call, high enough for the 1 MiB payloads of the round-trip
   * tests, which the runtime encodes on the event loop (about 250 ms on a busy two-core machine).
   */
  public static final long MAX_EVENT_LOOP_MILLIS = 500;

  private TestVertx() {
  }

  public static Vertx create() {
    return Vertx.vertx(new VertxOptions()
        .setBlockedThreadCheckInterval(50)
        .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        .setMaxEventLoopExecuteTime(MAX_EVENT_LOOP_MILLIS)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
  }
}
