package io.slacker.benchmarks.harness;

import io.slacker.benchmarks.workload.Operation;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

/** Turns one measured window of the client into the JSON the runner collects. */
final class LevelReport {

  private LevelReport() {
  }

  static JsonObject of(int inFlight, long elapsedNanos, Histogram[] perOperation,
                       ProcessCounters.Snapshot before, ProcessCounters.Snapshot after,
                       long failures, long checks) {
    Histogram all = new Histogram(perOperation[0].getHighestTrackableValue(), 3);
    JsonObject operations = new JsonObject();
    for (Operation operation : Operation.values()) {
      Histogram histogram = perOperation[operation.ordinal()];
      all.add(histogram);
      operations.put(operation.methodName(), latency(histogram));
    }
    return new JsonObject()
        .put("inFlight", inFlight)
        .put("calls", all.getTotalCount())
        .put("seconds", elapsedNanos / 1e9)
        .put("callsPerSecond", all.getTotalCount() / (elapsedNanos / 1e9))
        .put("latency", latency(all))
        .put("operations", operations)
        .put("clientCpuNanos", after.cpuNanos() - before.cpuNanos())
        .put("clientAllocatedBytes", after.allocatedBytes() - before.allocatedBytes())
        .put("clientReadSyscalls", ProcessCounters.since(before.readSyscalls(), after.readSyscalls()))
        .put("clientWriteSyscalls", ProcessCounters.since(before.writeSyscalls(), after.writeSyscalls()))
        .put("failures", failures)
        .put("checks", checks);
  }

  /** Percentiles in microseconds; p99.9 is the 99.9th percentile, nothing further out. */
  private static JsonObject latency(Histogram histogram) {
    return new JsonObject()
        .put("count", histogram.getTotalCount())
        .put("p50", micros(histogram.getValueAtPercentile(50)))
        .put("p99", micros(histogram.getValueAtPercentile(99)))
        .put("p999", micros(histogram.getValueAtPercentile(99.9)))
        .put("max", micros(histogram.getMaxValue()))
        .put("mean", histogram.getMean() / 1_000.0);
  }

  private static double micros(long nanos) {
    return nanos / 1_000.0;
  }
}
