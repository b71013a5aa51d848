package io.slacker.compat;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One caller's connection: its own keys, and a count of how many connections were closed. */
public class StoreConnectionImpl implements StoreConnection {

  private final Map<String, Sku> values = new TreeMap<>();
  private final AtomicInteger closed;

  StoreConnectionImpl(String user, AtomicInteger closed) {
    this.closed = closed;
    values.put("owner", new Sku(user));
  }

  @Override
  public Future<Void> put(String key, Sku value) {
    values.put(key, value);
    return Future.succeededFuture();
  }

  @Override
  public Future<Sku> get(String key) {
    return Future.succeededFuture(values.get(key));
  }

  @Override
  public Future<List<String>> keys() {
    return Future.succeededFuture(new ArrayList<>(values.keySet()));
  }

  @Override
  public Future<Void> close() {
    closed.incrementAndGet();
    return Future.succeededFuture();
  }
}
