package io.slacker.cli;

import io.slacker.ServerCall;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.List;

final class CalculatorImpl implements Calculator {

  private final Vertx vertx;
  private String address;

  CalculatorImpl(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Known once the server has bound its port. */
  void address(String address) {
    this.address = address;
  }

  @Override
  public Future<Integer> add(int a, int b) {
    return Future.succeededFuture(a + b);
  }

  @Override
  public Future<Total> total(List<Integer> values) {
    return Future.succeededFuture(new Total(values.size(), values.stream().mapToLong(Integer::longValue).sum()));
  }

  @Override
  public Future<String> whoAmI() {
    return Future.succeededFuture(address);
  }

  @Override
  public Future<String> fail(String message) {
    return Future.failedFuture(new IllegalStateException(message));
  }

  @Override
  public Future<String> metadata(String key) {
    return Future.succeededFuture(ServerCall.current().metadata().get(key));
  }

  @Override
  public Future<Long> sleep(long millis) {
    Promise<Long> done = Promise.promise();
    vertx.setTimer(millis, id -> done.complete(millis));
    return done.future();
  }
}
