package io.slacker.benchmarks.eventbus;

import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The workload as a vertx-service-proxy service; vertx-codegen generates its event-bus proxy
 * and handler. Users and pages travel as the JSON of the shared model: both sides convert with
 * its {@code toJson()} and JSON constructor, the calls generated code makes for a data object.
 */
@ProxyGen
@VertxGen
public interface EventBusUserService {

  String ADDRESS = "benchmarks.user-service";

  Future<Boolean> existUser(String email);

  Future<Boolean> createUser(JsonObject user);

  Future<JsonObject> getUser(long id);

  Future<JsonObject> listUser(int pageNo);
}
