package io.slacker.compat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers each value as it came, so that a round trip shows what the wire did to it. */
public class StoreServiceImpl implements StoreService {

  private final AtomicInteger connectionsClosed = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();

  /** @return how many of the connections it returned were closed */
  public int connectionsClosed() {
    return connectionsClosed.get();
  }

  /** @return how many times its own close() ran */
  public int closed() {
    return closed.get();
  }

  @Override
  public Future<StoreConnection> connect(String user) {
    return Future.succeededFuture(new StoreConnectionImpl(user, connectionsClosed));
  }

  @Override
  public Future<Sku> sku(Sku sku) {
    return Future.succeededFuture(sku);
  }

  @Override
  public Future<Item> item(Item item) {
    return Future.succeededFuture(item);
  }

  @Override
  public Future<List<Sku>> skus(List<Sku> skus) {
    return Future.succeededFuture(skus);
  }

  @Override
  public Future<Set<Sku>> skuSet(Set<Sku> skus) {
    return Future.succeededFuture(skus);
  }

  @Override
  public Future<Map<String, Item>> items(Map<String, Item> items) {
    return Future.succeededFuture(items);
  }

  @Override
  public Future<String> refuse(int code) {
    return Future.failedFuture(new ServiceException(code, "refused with " + code, new JsonObject().put("code", code)));
  }

  @Override
  public Future<Void> overQuota(int limit) {
    return Future.failedFuture(new QuotaExceededException(limit));
  }

  @Override
  public void close() {
    closed.incrementAndGet();
  }
}
