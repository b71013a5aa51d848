package io.slacker.benchmarks.dubbo;

import io.slacker.benchmarks.model.Page;
import io.slacker.benchmarks.model.User;
import io.slacker.benchmarks.workload.UserServiceLogic;

import java.util.concurrent.CompletableFuture;

/** The workload's server logic behind the Dubbo interface. */
final class DubboUserServiceImpl implements DubboUserService {

  @Override
  public CompletableFuture<Boolean> existUser(String email) {
    return CompletableFuture.completedFuture(UserServiceLogic.existUser(email));
  }

  @Override
  public CompletableFuture<Boolean> createUser(User user) {
    return CompletableFuture.completedFuture(UserServiceLogic.createUser(user));
  }

  @Override
  public CompletableFuture<User> getUser(long id) {
    return CompletableFuture.completedFuture(UserServiceLogic.getUser(id));
  }

  @Override
  public CompletableFuture<Page> listUser(int pageNo) {
    return CompletableFuture.completedFuture(UserServiceLogic.listUser(pageNo));
  }
}
