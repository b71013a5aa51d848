package io.slacker.compat;

import io.vertx.codegen.annotations.ProxyClose;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;

import java.util.List;

/** A service that another service's method returns: one per caller, closed by its caller. */
@ProxyGen
@VertxGen
public interface StoreConnection {

  Future<Void> put(String key, Sku value);

  Future<Sku> get(String key);

  Future<List<String>> keys();

  /** Ends the caller's connection: the server releases it. */
  @ProxyClose
  Future<Void> close();
}
