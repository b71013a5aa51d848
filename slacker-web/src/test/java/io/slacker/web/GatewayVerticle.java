package io.slacker.web;

import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;

/** A gateway as an application runs it: created in a verticle, mounted under {@code /rpc}, served on 127.0.0.1. */
final class GatewayVerticle extends VerticleBase {

  private final SlackerGatewayOptions options;
  private final ServiceDiscovery discovery;
  private volatile int port;

  /** @param discovery where the gateway's client finds servers and {@code GET /} lists services; {@code null} for none */
  GatewayVerticle(SlackerGatewayOptions options, ServiceDiscovery discovery) {
    this.options = options;
    this.discovery = discovery;
  }

  @Override
  public Future<?> start() {
    SlackerGateway gateway;
    if (discovery == null) {
      gateway = SlackerGateway.create(vertx, SlackerClient.create(vertx), options);
    } else {
      SlackerClient client = SlackerClient.create(vertx, new SlackerClientOptions(), discovery);
      gateway = SlackerGateway.create(vertx, client, discovery, options);
    }
    Router main = Router.router(vertx);
    main.route("/rpc/*").subRouter(gateway.router());
    return vertx.createHttpServer().requestHandler(main).listen(0, "127.0.0.1")
        .onSuccess(server -> port = server.actualPort());
  }

  int port() {
    return port;
  }
}
