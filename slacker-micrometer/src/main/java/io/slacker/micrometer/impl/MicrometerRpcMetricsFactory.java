package io.slacker.micrometer.impl;

import io.micrometer.core.instrument.MeterRegistry;
import io.slacker.SlackerMetricsOptions;
import io.slacker.spi.metrics.DiscoveryMetrics;
import io.slacker.spi.metrics.RpcClientMetrics;
import io.slacker.spi.metrics.RpcMetricsFactory;
import io.slacker.spi.metrics.RpcServerMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.micrometer.impl.MicrometerMetrics;

/**
 * Slacker's meters on the registry that vertx-micrometer-metrics uses for the Vert.x instance:
 * the one the application configured ({@code MicrometerMetricsOptions}, with a registry of its own
 * or a backend's). A Vert.x without Micrometer metrics gets none of Slacker's either.
 */
public final class MicrometerRpcMetricsFactory implements RpcMetricsFactory {

  @Override
  public RpcClientMetrics client(Vertx vertx, SlackerMetricsOptions options) {
    MeterRegistry registry = registryOf(vertx);
    return registry == null ? null : new MicrometerClientMetrics(registry, options);
  }

  @Override
  public RpcServerMetrics server(Vertx vertx, SlackerMetricsOptions options) {
    MeterRegistry registry = registryOf(vertx);
    return registry == null ? null : new MicrometerServerMetrics(registry, options);
  }

  @Override
  public DiscoveryMetrics discovery(Vertx vertx) {
    MeterRegistry registry = registryOf(vertx);
    return registry == null ? null : new MicrometerDiscoveryMetrics(registry);
  }

  /** @return the registry vertx-micrometer-metrics measures {@code vertx} on, {@code null} without one */
  private static MeterRegistry registryOf(Vertx vertx) {
    VertxMetrics metrics = ((VertxInternal) vertx).metrics();
    return metrics instanceof MicrometerMetrics micrometer ? micrometer.registry() : null;
  }
}
