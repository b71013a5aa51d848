package io.slacker.web;

import io.slacker.annotations.SlackerService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.List;

/** The service the gateway tests call: argument order, results of each JSON shape, what reached the server. */
@SlackerService(name = "test.Shop")
public interface Shop {

  /** Parameter order matters, so that arguments by name are seen to be reordered. */
  Future<Integer> subtract(int minuend, int subtrahend);

  Future<String> echo(String text);

  Future<Void> reset();

  /** One-way: a generated caller expects no answer. */
  void audit(String event);

  /** Numbers past a double's precision, both ways. */
  Future<BigDecimal> total(List<BigDecimal> amounts);

  Future<Receipt> receipt(String sku);

  /** The timeout and metadata the call arrived with. */
  Future<JsonObject> callInfo();

  /** Answers after {@code millis}. */
  Future<String> sleep(long millis);
}
