package io.slacker.web;

import io.slacker.ServiceException;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

final class FailingImpl implements Failing {

  static final int FAILURE_CODE = 4711;

  @Override
  public Future<String> fail(String code) {
    return switch (code) {
      case "SERVICE" -> Future.failedFuture(new ServiceException(FAILURE_CODE, "out of stock", new JsonObject().put("sku", "A-1")));
      case "RUNTIME" -> Future.failedFuture(new IllegalStateException("broken"));
      default -> Future.failedFuture(new SlackerException(StatusCode.valueOf(code), "failed with " + code));
    };
  }
}
