package io.slacker.codegen.sample;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class InventoryServiceImpl implements InventoryService {

  private final Map<String, Integer> stock = new TreeMap<>(Map.of("apple", 3, "pear", 0));
  private final List<Settings> history = new ArrayList<>();

  @Override
  public Future<Integer> stock(String sku) {
    return Future.succeededFuture(stock.get(sku));
  }

  @Override
  public Future<List<String>> skus() {
    return Future.succeededFuture(new ArrayList<>(stock.keySet()));
  }

  @Override
  public Future<Map<String, Integer>> levels(List<String> skus) {
    Map<String, Integer> levels = new LinkedHashMap<>();
    skus.forEach(sku -> levels.put(sku, stock.getOrDefault(sku, 0)));
    return Future.succeededFuture(levels);
  }

  @Override
  public Future<Settings> configure(Settings settings) {
    history.add(settings);
    return Future.succeededFuture(new Settings(settings.getTheme(), settings.getFontSize() + 1));
  }

  @Override
  public Future<List<Settings>> history(Color color) {
    return Future.succeededFuture(new ArrayList<>(history));
  }

  @Override
  public Future<JsonObject> describe(String sku, JsonObject extra) {
    return Future.succeededFuture(extra.copy().put("sku", sku).put("stock", stock.get(sku)));
  }

  @Override
  public void restock(String sku, int amount) {
    stock.merge(sku, amount, Integer::sum);
  }

  @Override
  public Future<Void> reset() {
    stock.clear();
    return Future.succeededFuture();
  }

  @Override
  public Future<Integer> take(String sku, int quantity) {
    int left = stock.getOrDefault(sku, 0);
    if (left < quantity) {
      return Future.failedFuture(new ServiceException(409, "only " + left + " " + sku + " left",
          new JsonObject().put("sku", sku).put("left", left)));
    }
    stock.put(sku, left - quantity);
    return Future.succeededFuture(left - quantity);
  }

  @Override
  public void compact() {
    stock.values().removeIf(level -> level == 0);
  }

  Map<String, Integer> snapshot() {
    return new HashMap<>(stock);
  }
}
