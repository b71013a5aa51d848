package io.slacker.fuzz;

import io.slacker.test.TestVertx;
import io.vertx.core.VertxOptions;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** The server under fuzzing: in this JVM for the short run, in a forked one with a small heap for the long run. */
interface FuzzTarget extends AutoCloseable {

  /**
   * An event-loop turn longer than this is reported and fails the run. Longer than the unit
   * tests' threshold: the fuzzer's own threads load the machine too, and this one is shared.
   */
  long MAX_EVENT_LOOP_MILLIS = 2_000;

  static VertxOptions vertxOptions() {
    return TestVertx.options()
        .setMaxEventLoopExecuteTime(MAX_EVENT_LOOP_MILLIS)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setWarningExceptionTime(MAX_EVENT_LOOP_MILLIS)
        .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS);
  }

  int port();

  /** @return every problem the server had so far (see {@link ServerProblems}) */
  List<String> problems();

  /** @return the server's used heap after a full GC, in bytes */
  long heapAfterGc() throws Exception;

  /** @return whether the server process is still there */
  default boolean alive() {
    return true;
  }
}
