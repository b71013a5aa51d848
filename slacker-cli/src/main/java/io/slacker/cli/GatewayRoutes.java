package io.slacker.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.web.SlackerGateway;
import io.slacker.web.SlackerHealth;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;

/**
 * What {@code slacker gateway} serves on its one HTTP server: the operational routes first
 * ({@code GET /health}, and {@code GET /metrics} for Prometheus), then the gateway's, which
 * answer every other path.
 */
final class GatewayRoutes {

  /** The gateway's own procedure: UP while it answers, with where its calls go. */
  static final String GATEWAY_CHECK = "slacker.gateway";

  private GatewayRoutes() {
  }

  /**
   * @param discovery the discovery calls are routed through, whose connection {@code /health}
   *     reports; {@code null} for a gateway to one fixed server
   * @param calls where calls go, as the procedure's data
   * @param metrics the registry the gateway's Vert.x and Slacker client measure themselves on
   */
  static Router router(Vertx vertx, SlackerGateway gateway, ZookeeperDiscovery discovery, JsonObject calls,
                       PrometheusMeterRegistry metrics) {
    HealthChecks checks = HealthChecks.create(vertx);
    checks.register(GATEWAY_CHECK, promise -> promise.complete(Status.OK(calls.copy())));
    if (discovery != null) {
      SlackerHealth.register(checks, discovery);
    }
    Router main = Router.router(vertx);
    // Before the gateway's router, which would answer 404 for /health.
    SlackerHealth.mount(main, checks);
    main.get("/metrics").handler(PrometheusScrapingHandler.create(metrics));
    main.route("/*").subRouter(gateway.router());
    return main;
  }
}
