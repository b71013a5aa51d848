package io.slacker.web;

import io.slacker.CallMetadata;
import io.slacker.ServerCall;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

final class ShopImpl implements Shop {

  static final LocalDate DAY = LocalDate.of(2026, 11, 30);
  static final byte[] SIGNATURE = {0x0f, 0x42, (byte) 0xff};

  private final Vertx vertx;
  final List<String> audited = new CopyOnWriteArrayList<>();

  ShopImpl(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Future<Integer> subtract(int minuend, int subtrahend) {
    return Future.succeededFuture(minuend - subtrahend);
  }

  @Override
  public Future<String> echo(String text) {
    return Future.succeededFuture(text);
  }

  @Override
  public Future<Void> reset() {
    return Future.succeededFuture();
  }

  @Override
  public void audit(String event) {
    audited.add(event);
  }

  @Override
  public Future<BigDecimal> total(List<BigDecimal> amounts) {
    return Future.succeededFuture(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  @Override
  public Future<Receipt> receipt(String sku) {
    return Future.succeededFuture(new Receipt(sku, DAY, SIGNATURE));
  }

  @Override
  public Future<JsonObject> callInfo() {
    ServerCall call = ServerCall.current();
    CallMetadata metadata = call.metadata();
    JsonObject received = new JsonObject();
    metadata.keys().forEach(key -> received.put(key, metadata.get(key)));
    return Future.succeededFuture(new JsonObject().put("timeoutMillis", call.timeoutMillis()).put("metadata", received));
  }

  @Override
  public Future<String> sleep(long millis) {
    return vertx.timer(millis).map("slept " + millis);
  }
}
