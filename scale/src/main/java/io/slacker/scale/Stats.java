package io.slacker.scale;

import io.vertx.core.json.JsonObject;

import java.util.List;

/** Percentiles of a list of figures (nearest rank). */
final class Stats {

  private Stats() {
  }

  /** @return count, p50, p99 and max of {@code values} (in their unit), with every figure -1 when there are none */
  static JsonObject summary(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new JsonObject().put("count", sorted.length).put("p50", round(percentile(sorted, 50)))
        .put("p99", round(percentile(sorted, 99))).put("max", round(sorted.length == 0 ? -1 : sorted[sorted.length - 1]));
  }

  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static double round(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
