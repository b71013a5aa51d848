package io.slacker.compat;

import io.vertx.codegen.annotations.ProxyClose;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code @ProxyGen} service of every kind vertx-service-proxy serves: a method that returns
 * another service, data objects of each JSON form, failures with {@code ServiceException} and a
 * subclass of it, {@code @ProxyClose}, and a static factory that names the event-bus proxy.
 */
@ProxyGen
@VertxGen
public interface StoreService {

  static StoreService createProxy(Vertx vertx, String address) {
    return new StoreServiceVertxEBProxy(vertx, address);
  }

  Future<StoreConnection> connect(String user);

  Future<Sku> sku(Sku sku);

  Future<Item> item(Item item);

  Future<List<Sku>> skus(List<Sku> skus);

  Future<Set<Sku>> skuSet(Set<Sku> skus);

  Future<Map<String, Item>> items(Map<String, Item> items);

  /** Fails with a ServiceException of this code, whose debug info names the code. */
  Future<String> refuse(int code);

  /** Fails with a QuotaExceededException, a ServiceException with a field of its own. */
  Future<Void> overQuota(int limit);

  /** Closes the proxy; the shared implementation stays open. */
  @ProxyClose
  void close();
}
