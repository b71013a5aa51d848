package io.slacker.benchmarks.slacker;

import io.slacker.benchmarks.model.Page;
import io.slacker.benchmarks.model.User;
import io.slacker.benchmarks.workload.UserServiceLogic;
import io.vertx.core.Future;

/** The workload's server logic behind the Slacker interface. */
final class SlackerUserServiceImpl implements SlackerUserService {

  @Override
  public Future<Boolean> existUser(String email) {
    return Future.succeededFuture(UserServiceLogic.existUser(email));
  }

  @Override
  public Future<Boolean> createUser(User user) {
    return Future.succeededFuture(UserServiceLogic.createUser(user));
  }

  @Override
  public Future<User> getUser(long id) {
    return Future.succeededFuture(UserServiceLogic.getUser(id));
  }

  @Override
  public Future<Page> listUser(int pageNo) {
    return Future.succeededFuture(UserServiceLogic.listUser(pageNo));
  }
}
