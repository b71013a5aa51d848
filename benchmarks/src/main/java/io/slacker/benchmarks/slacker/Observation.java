package io.slacker.benchmarks.slacker;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;

/** What a Slacker system measures of itself while it runs: the cost of observing, next to plain Slacker. */
public enum Observation {
  NONE,
  /**
   * Slacker's meters on a Micrometer registry given to vertx-micrometer-metrics, Vert.x's own
   * categories off, so that the row shows what Slacker's meters cost.
   */
  METRICS,
  /**
   * OpenTelemetry through Vert.x's tracing SPI with a sampler that keeps nothing: every call still
   * starts its (non-recording) spans and carries its trace context, as a service whose traces are
   * sampled elsewhere does.
   */
  TRACING;

  Vertx vertx() {
    if (this == NONE) {
      return Vertx.vertx();
    }
    if (this == TRACING) {
      OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
          .setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()).build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();
      return Vertx.builder().withTracer(new OpenTelemetryTracingFactory(sdk)).build();
    }
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true);
    for (MetricsDomain domain : MetricsDomain.values()) {
      metrics.addDisabledMetricsCategory(domain);
    }
    return Vertx.builder().with(new VertxOptions().setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory(new SimpleMeterRegistry())).build();
  }
}
