package io.slacker.benchmarks.harness;

import java.util.concurrent.TimeUnit;

/** Ends a forked process after {@code maxLifetimeMillis} whatever it is doing, so none outlives a broken run. */
final class ProcessLifetime {

  private ProcessLifetime() {
  }

  static void limit(Settings settings) {
    long millis = settings.getLong("maxLifetimeMillis");
    Thread reaper = new Thread(() -> {
      try {
        TimeUnit.MILLISECONDS.sleep(millis);
        System.err.println("benchmark process exceeded its lifetime of " + millis + " ms, exiting");
        Runtime.getRuntime().halt(3);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "lifetime-limit");
    reaper.setDaemon(true);
    reaper.start();
  }
}
