package io.slacker.web.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.admin.SlackerAdmin;
import io.slacker.web.SlackerGatewayOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** {@code POST /<service>/<method>}: one Slacker call by name, in JSON, answered with its result or failure. */
final class CallHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(CallHandler.class);
  private static final ObjectMapper WRITER = new ObjectMapper();
  /** What an HTTP caller learns of a bug in the gateway: the details go to the log, not to the caller. */
  static final String GATEWAY_FAILED = "the gateway failed; its log has the cause";

  private final SlackerClient client;
  private final SlackerGatewayOptions options;
  private final ServiceDescriptions descriptions;
  private final ErrorResponses errors;

  CallHandler(SlackerClient client, SlackerGatewayOptions options, ServiceDescriptions descriptions, ErrorResponses errors) {
    this.client = client;
    this.options = options;
    this.descriptions = descriptions;
    this.errors = errors;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String service = ctx.pathParam("service");
    String method = ctx.pathParam("method");
    CallOptions callOptions;
    JsonNode body;
    try {
      if (SlackerAdmin.SERVICE.equals(service)) {
        // Administration (offline, shutdown) is not for HTTP callers; GET / shows the descriptions.
        throw new SlackerException(StatusCode.NOT_FOUND, "the gateway does not expose " + SlackerAdmin.SERVICE);
      }
      callOptions = HeaderCallOptions.of(ctx.request().headers(), options);
      body = RequestBodies.arguments(ctx.body().buffer());
    } catch (SlackerException e) {
      errors.send(ctx, e);
      return;
    }
    arguments(service, method, body)
        // The result as the tokens the server wrote, not a tree: numbers keep every digit, and no tree is built.
        .compose(args -> client.<TokenBuffer>call(options.getServer(), service, method, args, TokenBuffer.class, callOptions))
        .onComplete(result -> {
          if (result.succeeded()) {
            respond(ctx, result.result());
          } else {
            fail(ctx, result.cause());
          }
        });
  }

  private Future<List<JsonNode>> arguments(String service, String method, JsonNode body) {
    if (body.isArray()) {
      List<JsonNode> args = new ArrayList<>(body.size());
      body.elements().forEachRemaining(args::add);
      return Future.succeededFuture(args);
    }
    return descriptions.service(service).map(description -> NamedArguments.inOrder(body, description, method));
  }

  private void respond(RoutingContext ctx, TokenBuffer result) {
    HttpServerResponse response = ctx.response();
    if (response.closed()) {
      return;
    }
    byte[] json;
    try {
      json = WRITER.writeValueAsBytes(result);
    } catch (JsonProcessingException e) {
      fail(ctx, e);
      return;
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Buffer.buffer(json));
  }

  private void fail(RoutingContext ctx, Throwable failure) {
    if (!(failure instanceof SlackerException)) {
      LOG.error("gateway call " + ctx.request().path() + " failed", failure);
      failure = new SlackerException(StatusCode.INTERNAL, GATEWAY_FAILED);
    }
    errors.send(ctx, (SlackerException) failure);
  }
}
