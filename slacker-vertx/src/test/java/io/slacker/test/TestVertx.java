package io.slacker.test;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.concurrent.TimeUnit;

/** Vert.x instances for tests, with the blocked-thread checker at a low threshold. */
public final class TestVertx {

  /**
   * An event loop busy for longer than this is reported, and {@link BlockedThreadGuard} fails the
   * test: an eighth of Vert.x's default, with room for the 1 MiB payloads of the codegen tests.
   * {@code -Dslacker.test.maxEventLoopMillis=N} lowers it to see how close a run comes.
   */
  public static final long MAX_EVENT_LOOP_MILLIS = Long.getLong("slacker.test.maxEventLoopMillis", 250);

  static {
    // Netty registers a JFR event the first time it allocates a buffer chunk, which builds JFR's
    // type library: 0.2-0.3 s, on whichever thread allocates first, usually an event loop.
    // Done once here, it cannot be mistaken for a blocked event loop.
    try {
      Class.forName("io.netty.buffer.AllocateChunkEvent", true, TestVertx.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      // A Netty without that event has nothing to warm up.
    }
  }

  private TestVertx() {
  }

  public static Vertx create() {
    return Vertx.vertx(options());
  }

  /** The options behind {@link #create()}, for tests that build a clustered Vert.x. */
  public static VertxOptions options() {
    return new VertxOptions()
        .setBlockedThreadCheckInterval(50)
        .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        .setMaxEventLoopExecuteTime(MAX_EVENT_LOOP_MILLIS)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setWarningExceptionTime(TestVertx.MAX_EVENT_LOOP_MILLIS)
        .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS)
        .setMaxWorkerExecuteTime(60)
        .setMaxWorkerExecuteTimeUnit(TimeUnit.SECONDS);
  }
}
