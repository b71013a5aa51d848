package io.slacker.impl.metrics;

import io.slacker.SlackerMetricsOptions;
import io.slacker.spi.metrics.DiscoveryMetrics;
import io.slacker.spi.metrics.RpcClientMetrics;
import io.slacker.spi.metrics.RpcMetricsFactory;
import io.slacker.spi.metrics.RpcServerMetrics;
import io.vertx.core.Vertx;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * The metrics implementation on the class path, if any, looked up once. Every accessor returns
 * {@code null} when nothing is to be measured, and the call path then does no metrics work at all.
 */
public final class RpcMetrics {

  private static final RpcMetricsFactory FACTORY = load();

  private RpcMetrics() {
  }

  private static RpcMetricsFactory load() {
    Iterator<RpcMetricsFactory> found = ServiceLoader.load(RpcMetricsFactory.class, RpcMetrics.class.getClassLoader()).iterator();
    return found.hasNext() ? found.next() : null;
  }

  public static RpcClientMetrics client(Vertx vertx, SlackerMetricsOptions options) {
    return FACTORY == null || !options.isEnabled() ? null : FACTORY.client(vertx, options);
  }

  public static RpcServerMetrics server(Vertx vertx, SlackerMetricsOptions options) {
    return FACTORY == null || !options.isEnabled() ? null : FACTORY.server(vertx, options);
  }

  public static DiscoveryMetrics discovery(Vertx vertx) {
    return FACTORY == null ? null : FACTORY.discovery(vertx);
  }
}
