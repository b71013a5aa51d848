package io.slacker.examples;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;

import java.util.List;

/**
 * The demo's meters: Vert.x's and Slacker's on a Prometheus registry (slacker-micrometer is on
 * the class path, so Slacker's meters go where Vert.x's go, with no code of Slacker's own).
 */
final class DemoMetrics {

  /** Where a live cluster serves the scrape, as Prometheus' exporters conventionally do. */
  static final int SCRAPE_PORT = 9464;

  private DemoMetrics() {
  }

  /** @param serve whether to answer Prometheus on 127.0.0.1:{@value #SCRAPE_PORT}/metrics */
  static Vertx vertx(boolean serve) {
    VertxPrometheusOptions prometheus = new VertxPrometheusOptions().setEnabled(true);
    if (serve) {
      prometheus.setStartEmbeddedServer(true).setEmbeddedServerEndpoint("/metrics")
          .setEmbeddedServerOptions(new HttpServerOptions().setHost("127.0.0.1").setPort(SCRAPE_PORT));
    }
    return Vertx.vertx(new VertxOptions().setMetricsOptions(
        new MicrometerMetricsOptions().setEnabled(true).setPrometheusOptions(prometheus)));
  }

  /** Prints Slacker's lines of what Prometheus would scrape now, for the calls of one method. */
  static void printExcerpt(String service, String method) {
    PrometheusMeterRegistry registry = (PrometheusMeterRegistry) BackendRegistries.getDefaultNow();
    List<String> lines = registry.scrape().lines()
        .filter(line -> line.contains("rpc_service=\"" + service + "\"") && line.contains("rpc_method=\"" + method + "\""))
        .sorted()
        .toList();
    System.out.println("metrics: Slacker's meters of " + service + "#" + method + ", as Prometheus scrapes them:");
    lines.forEach(line -> System.out.println("  " + line));
  }
}
