package io.slacker.fuzz;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The long fuzz run, on request only ({@code mvn -Pfuzz -pl slacker-vertx -am verify}, or
 * {@code scripts/fuzz.sh}): a million frames, then the connection abuse cases, against a
 * default server in a forked JVM with a 256 MiB heap. Every case runs even when one before it
 * failed; the summary table is printed either way. Properties: {@code slacker.fuzz.seed} (default:
 * the time), {@code slacker.fuzz.frames} (1,000,000), {@code slacker.fuzz.heap} (256m), {@code slacker.fuzz.abuse}
 * ({@code false} skips the abuse cases).
 */
@Tag("fuzz-long")
class FuzzLongRunTest {

  /** The bound on the server's heap after GC, for a 256 MiB heap. */
  private static final long HEAP_BOUND = 128L * 1024 * 1024;
  private static final int FRAMES_PER_BATCH = 4_000;
  private static final long CASE_LIMIT_MINUTES = 2;

  @Test
  void aMillionFramesAndConnectionAbuse() throws Exception {
    long seed = Long.getLong("slacker.fuzz.seed", System.currentTimeMillis());
    long frames = Long.getLong("slacker.fuzz.frames", 1_000_000);
    String heap = System.getProperty("slacker.fuzz.heap", "256m");
    System.out.println("fuzz long run: seed " + seed + ", " + frames + " frames, server heap " + heap);
    long start = System.nanoTime();
    List<String> failures = new ArrayList<>();
    List<String> abuse = new ArrayList<>();
    FuzzRun run;
    try (ForkedTarget target = new ForkedTarget(heap)) {
      int batches = (int) ((frames + FRAMES_PER_BATCH - 1) / FRAMES_PER_BATCH);
      run = new FuzzRun(target, new FuzzRun.Plan(seed, batches, FRAMES_PER_BATCH, 8, 20, HEAP_BOUND));
      try {
        run.run(Integer.getInteger("slacker.fuzz.batch", -1));
      } catch (AssertionError e) {
        System.out.println(e.getMessage());
        failures.add(e.getMessage());
      }
    }
    ExecutorService runner = Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "fuzz-abuse");
      thread.setDaemon(true);
      return thread;
    });
    try {
      for (ConnectionAbuse.Case abuseCase : Boolean.parseBoolean(System.getProperty("slacker.fuzz.abuse", "true"))
          ? ConnectionAbuse.cases() : List.<ConnectionAbuse.Case>of()) {
        String line = runAbuse(abuseCase, heap, runner);
        System.out.println(line);
        abuse.add(line);
        if (line.contains("FAILED")) {
          failures.add(line);
        }
      }
    } finally {
      runner.shutdownNow();
    }
    System.out.println(run.stats().table(seed, (System.nanoTime() - start) / 1_000_000));
    abuse.forEach(line -> System.out.println("| abuse | " + line));
    if (!failures.isEmpty()) {
      throw new AssertionError(failures.size() + " failure(s):\n" + String.join("\n", failures));
    }
  }

  /**
   * Each case gets a fresh server, so that one that brings a server down does not hide what the
   * next one does. A case that does not end within its limit has usually found a server that
   * stopped reading; closing the server ends it.
   */
  private static String runAbuse(ConnectionAbuse.Case abuseCase, String heap, ExecutorService runner) throws Exception {
    long start = System.nanoTime();
    String outcome;
    try (ForkedTarget target = new ForkedTarget(heap)) {
      FuzzRun checks = new FuzzRun(target, new FuzzRun.Plan(0, 0, 0, 0, 0, HEAP_BOUND));
      try {
        outcome = runner.submit(() -> abuseCase.action().run(target.port())).get(CASE_LIMIT_MINUTES, TimeUnit.MINUTES);
        checks.check(abuseCase.name());
        outcome = "passed: " + outcome + "; heap after GC " + checks.stats().lastHeapAfterGc() / (1024 * 1024) + " MiB";
      } catch (TimeoutException e) {
        outcome = "FAILED: did not end within " + CASE_LIMIT_MINUTES + " minutes (the server stopped reading?)"
            + (target.problems().isEmpty() ? "" : "; server: " + target.problems().get(0).lines().findFirst().orElse(""));
      } catch (Exception | AssertionError e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        outcome = "FAILED: " + cause.toString().lines().limit(3).reduce((a, b) -> a + " / " + b).orElse("");
      }
    }
    return String.format("%-60s %6.1f s  %s", abuseCase.name(), (System.nanoTime() - start) / 1e9, outcome);
  }
}
