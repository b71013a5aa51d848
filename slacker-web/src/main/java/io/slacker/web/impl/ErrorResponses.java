package io.slacker.web.impl;

import io.slacker.ServiceException;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes every failure as {@code {"code", "message", "remoteClass"}} JSON with the status it maps to. */
final class ErrorResponses {

  private final int retryAfterSeconds;

  ErrorResponses(int retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
  }

  void send(RoutingContext ctx, SlackerException failure) {
    JsonObject body = body(failure.code(), failure.getMessage(), failure.remoteClass());
    if (failure.relayedCode() != null) {
      body.put("relayedCode", failure.relayedCode().name());
    }
    if (failure instanceof ServiceException service) {
      body.put("failureCode", service.failureCode());
    }
    if (failure.details() != null) {
      body.put("details", failure.details());
    }
    HttpServerResponse response = ctx.response();
    if (failure.code() == StatusCode.OVERLOADED && !response.headWritten()) {
      response.putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
    }
    if (failure.code() == StatusCode.UNAUTHENTICATED && !response.headWritten()) {
      // The gateway passes a bearer token on to the servers (see SlackerGateway).
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    write(ctx, HttpStatuses.of(failure), body);
  }

  /** A failure of the HTTP request itself, whose status has no Slacker code of its own (405, 413, 415). */
  void send(RoutingContext ctx, int httpStatus, StatusCode code, String message) {
    write(ctx, httpStatus, body(code, message, null));
  }

  private static JsonObject body(StatusCode code, String message, String remoteClass) {
    return new JsonObject().put("code", code.name()).put("message", message).put("remoteClass", remoteClass);
  }

  private static void write(RoutingContext ctx, int httpStatus, JsonObject body) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(httpStatus);
    if (httpStatus == HttpStatuses.CLIENT_CLOSED_REQUEST) {
      response.setStatusMessage("Client Closed Request");
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(body.toBuffer());
  }
}
