package io.slacker.benchmarks.runner;

import io.slacker.benchmarks.harness.BusyLoopMain;

import java.nio.file.Path;
import java.util.List;

/**
 * The busy-loop process of {@code --contended}: one spinning thread per core, started before the
 * first system and stopped after the last, so every system is measured on cores it shares.
 */
final class BusyLoad implements AutoCloseable {

  private static final long READY_MILLIS = 60_000;

  private final ForkedJvm process;
  private final int threads;

  private BusyLoad(ForkedJvm process, int threads) {
    this.process = process;
    this.threads = threads;
  }

  /** @param lifetimeMillis the most it may run, should the runner die without stopping it */
  static BusyLoad start(String classPath, Path logs, long lifetimeMillis) throws Exception {
    int threads = Runtime.getRuntime().availableProcessors();
    ForkedJvm process = ForkedJvm.start("busy-loop", classPath, List.of("-Xmx64m"), BusyLoopMain.class.getName(),
        List.of("threads=" + threads, "maxLifetimeMillis=" + lifetimeMillis), logs.resolve("busy-loop.log"));
    try {
      process.await("ready", READY_MILLIS);
    } catch (RuntimeException | InterruptedException e) {
      process.close();
      throw e;
    }
    return new BusyLoad(process, threads);
  }

  int threads() {
    return threads;
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
