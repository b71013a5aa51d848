package io.slacker.benchmarks.runner;

import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * How long each part of a run lasts. Per system: a first warm-up at 32 in flight, then for each
 * level a short warm-up and the measured window.
 */
record RunPlan(String mode, List<Integer> levels, long warmupMillis, long levelWarmupMillis, long measureMillis) {

  /** About 13 minutes for the eight systems on a 2-core machine. */
  static RunPlan full() {
    return new RunPlan("full", List.of(1, 32, 256), 10_000, 3_000, 15_000);
  }

  /** About 3 minutes: enough to see every system work, not for numbers worth quoting. */
  static RunPlan quick() {
    return new RunPlan("quick", List.of(1, 32, 256), 2_000, 1_000, 2_500);
  }

  /** This plan at {@code levels} only, e.g. the one level a comparison is about. */
  RunPlan withLevels(List<Integer> levels) {
    return new RunPlan(mode, levels, warmupMillis, levelWarmupMillis, measureMillis);
  }

  /** This plan with a first warm-up of {@code millis}: the JIT of a loaded machine needs longer for some code. */
  RunPlan withWarmup(long millis) {
    return new RunPlan(mode, levels, millis, levelWarmupMillis, measureMillis);
  }

  /** Generous bound on a client's whole life, so a hung system cannot stall the run. */
  long clientLifetimeMillis() {
    return 90_000 + warmupMillis + levels.size() * (levelWarmupMillis + measureMillis + 20_000);
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("mode", mode)
        .put("levels", levels)
        .put("warmupMillis", warmupMillis)
        .put("levelWarmupMillis", levelWarmupMillis)
        .put("measureMillis", measureMillis);
  }
}
