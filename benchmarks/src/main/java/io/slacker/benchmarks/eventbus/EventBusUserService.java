package io.slacker.benchmarks.eventbus;

import io.slacker.benchmarks.model.Page;
import io.slacker.benchmarks.model.User;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;

/** The workload as a vertx-service-proxy service; vertx-codegen generates its event-bus proxy and handler. */
@ProxyGen
@VertxGen
public interface EventBusUserService {

  String ADDRESS = "benchmarks.user-service";

  Future<Boolean> existUser(String email);

  Future<Boolean> createUser(User user);

  Future<User> getUser(long id);

  Future<Page> listUser(int pageNo);
}
