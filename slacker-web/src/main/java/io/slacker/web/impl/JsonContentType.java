package io.slacker.web.impl;

import io.slacker.StatusCode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/** Lets only JSON bodies through, before any of the body is read: other content types get 415. */
final class JsonContentType implements Handler<RoutingContext> {

  private final ErrorResponses errors;

  JsonContentType(ErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    String refusal = refusal(contentType);
    if (refusal == null) {
      ctx.next();
    } else {
      errors.send(ctx, 415, StatusCode.BAD_REQUEST, refusal);
    }
  }

  /** @return why the content type is refused, {@code null} for JSON in UTF-8 */
  static String refusal(String contentType) {
    if (contentType == null) {
      return "a call needs Content-Type: application/json";
    }
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
    String mediaType = parts[0].trim();
    if (!mediaType.equals("application/json") && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
      return "a call needs Content-Type: application/json, got " + contentType;
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      if (parameter.startsWith("charset=") && !parameter.substring(8).replace("\"", "").equals("utf-8")) {
        return "JSON is UTF-8, got " + contentType;
      }
    }
    return null;
  }
}
