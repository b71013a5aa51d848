package io.slacker.compat;

import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

/** A ServiceException with a field of its own, carried by {@link QuotaExceededCodec}. */
public class QuotaExceededException extends ServiceException {

  private final int limit;

  public QuotaExceededException(int limit) {
    this(limit, "over the quota of " + limit, new JsonObject().put("limit", limit));
  }

  QuotaExceededException(int limit, String message, JsonObject debugInfo) {
    super(429, message, debugInfo);
    this.limit = limit;
  }

  public int limit() {
    return limit;
  }
}
