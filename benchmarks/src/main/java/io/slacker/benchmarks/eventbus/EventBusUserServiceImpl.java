package io.slacker.benchmarks.eventbus;

import io.slacker.benchmarks.model.User;
import io.slacker.benchmarks.workload.UserServiceLogic;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** The workload's server logic behind the service-proxy interface. */
final class EventBusUserServiceImpl implements EventBusUserService {

  @Override
  public Future<Boolean> existUser(String email) {
    return Future.succeededFuture(UserServiceLogic.existUser(email));
  }

  @Override
  public Future<Boolean> createUser(JsonObject user) {
    return Future.succeededFuture(UserServiceLogic.createUser(new User(user)));
  }

  @Override
  public Future<JsonObject> getUser(long id) {
    return Future.succeededFuture(UserServiceLogic.getUser(id).toJson());
  }

  @Override
  public Future<JsonObject> listUser(int pageNo) {
    return Future.succeededFuture(UserServiceLogic.listUser(pageNo).toJson());
  }
}
