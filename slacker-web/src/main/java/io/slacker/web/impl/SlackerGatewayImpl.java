package io.slacker.web.impl;

import io.slacker.SlackerClient;
import io.slacker.StatusCode;
import io.slacker.spi.ServiceDiscovery;
import io.slacker.web.SlackerGateway;
import io.slacker.web.SlackerGatewayOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway's routes; the handlers keep no state but the shared description cache. */
public final class SlackerGatewayImpl implements SlackerGateway {

  private static final Logger LOG = LoggerFactory.getLogger(SlackerGatewayImpl.class);

  private final Router router;

  public SlackerGatewayImpl(Vertx vertx, SlackerClient client, ServiceDiscovery discovery, SlackerGatewayOptions options) {
    ErrorResponses errors = new ErrorResponses(options.getRetryAfterSeconds());
    ServiceDescriptions descriptions = new ServiceDescriptions(client, options.getServer(), options.getDescribeCacheMillis());
    router = Router.router(vertx);
    router.get("/").handler(new ServiceListing(descriptions, options.getServer(), DiscoveredServices.lister(discovery), errors));
    router.route("/").handler(ctx -> notAllowed(ctx, errors, "GET", "GET / lists the services"));
    // Its own route: Vert.x Web runs a body handler before any user handler of the same route.
    router.post("/:service/:method").handler(new JsonContentType(errors));
    router.post("/:service/:method")
        .handler(BodyHandler.create(false).setBodyLimit(options.getMaxBodySize()))
        .handler(new CallHandler(client, options, descriptions, errors));
    router.route("/:service/:method").handler(ctx -> notAllowed(ctx, errors, "POST", "a call is a POST"));
    router.route().handler(ctx -> errors.send(ctx, 404, StatusCode.NOT_FOUND,
        "no route " + ctx.request().path() + ": call POST /<service>/<method>, or GET / for the list"));
    router.route().failureHandler(ctx -> failed(ctx, errors, options.getMaxBodySize()));
  }

  @Override
  public Router router() {
    return router;
  }

  private static void notAllowed(RoutingContext ctx, ErrorResponses errors, String allowed, String why) {
    ctx.response().putHeader(HttpHeaders.ALLOW, allowed);
    errors.send(ctx, 405, StatusCode.BAD_REQUEST, ctx.request().method() + " is not allowed here: " + why);
  }

  /** Failures Vert.x Web raises itself (the body limit), and anything a handler threw. */
  private static void failed(RoutingContext ctx, ErrorResponses errors, long maxBodySize) {
    int status = ctx.statusCode();
    if (status == 413) {
      errors.send(ctx, 413, StatusCode.BAD_REQUEST, "the body is over the gateway's limit of " + maxBodySize + " bytes");
    } else if (ctx.failure() != null) {
      LOG.error("gateway request " + ctx.request().path() + " failed", ctx.failure());
      errors.send(ctx, 500, StatusCode.INTERNAL, CallHandler.GATEWAY_FAILED);
    } else {
      errors.send(ctx, status, StatusCode.BAD_REQUEST, "the request failed with HTTP status " + status);
    }
  }
}
