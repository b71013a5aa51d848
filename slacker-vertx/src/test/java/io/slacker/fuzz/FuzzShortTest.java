package io.slacker.fuzz;

import org.junit.jupiter.api.Test;

/**
 * The short fuzz run of the default build: 52,000 generated and mutated frames against a default
 * server in this JVM (docs/security.md, "Fuzz suite"). {@code -Dslacker.fuzz.seed=S} runs another
 * seed; {@code -Dslacker.fuzz.batch=B} replays one batch.
 */
class FuzzShortTest {

  /** A fixed seed by default, so that the default build sends the same frames every time. */
  private static final long DEFAULT_SEED = 20_261_130L;
  /** The growth of this JVM's heap after GC that the run may cause. */
  private static final long HEAP_GROWTH_BOUND = 64L * 1024 * 1024;

  @Test
  void theServerSurvivesFiftyThousandFuzzedFrames() throws Exception {
    long seed = Long.getLong("slacker.fuzz.seed", DEFAULT_SEED);
    long start = System.nanoTime();
    try (InProcessTarget target = new InProcessTarget()) {
      long baseline = target.heapAfterGc();
      FuzzRun run = new FuzzRun(target, new FuzzRun.Plan(seed, 26, 2_000, 4, 20, baseline + HEAP_GROWTH_BOUND));
      FuzzStats stats = run.run(Integer.getInteger("slacker.fuzz.batch", -1));
      System.out.println(stats.table(seed, (System.nanoTime() - start) / 1_000_000));
    }
  }
}
