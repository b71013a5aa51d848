package io.slacker.benchmarks.slacker;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/** What a Slacker system measures of itself while it runs: the cost of observing, next to plain Slacker. */
public enum Observation {
  NONE,
  /**
   * Slacker's meters on a Micrometer registry given to vertx-micrometer-metrics, Vert.x's own
   * categories off, so that the row shows what Slacker's meters cost.
   */
  METRICS;

  Vertx vertx() {
    if (this == NONE) {
      return Vertx.vertx();
    }
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true);
    for (MetricsDomain domain : MetricsDomain.values()) {
      metrics.addDisabledMetricsCategory(domain);
    }
    return Vertx.builder().with(new VertxOptions().setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory(new SimpleMeterRegistry())).build();
  }
}
