package io.slacker.spi.metrics;

import io.slacker.SlackerMetricsOptions;
import io.vertx.core.Vertx;

/**
 * Where Slacker's meters go: found with {@link java.util.ServiceLoader} (the {@code slacker-micrometer}
 * module provides one). Each method may return {@code null} when it has nowhere to record (for
 * instance no registry for that Vert.x instance): nothing is then measured.
 */
public interface RpcMetricsFactory {

  RpcClientMetrics client(Vertx vertx, SlackerMetricsOptions options);

  RpcServerMetrics server(Vertx vertx, SlackerMetricsOptions options);

  DiscoveryMetrics discovery(Vertx vertx);
}
