package io.slacker.benchmarks.slacker;

import io.slacker.annotations.SlackerService;
import io.slacker.benchmarks.model.Page;
import io.slacker.benchmarks.model.User;
import io.vertx.core.Future;

/** The workload as a Slacker service; slacker-codegen generates its proxy and invoker. */
@SlackerService
public interface SlackerUserService {

  Future<Boolean> existUser(String email);

  Future<Boolean> createUser(User user);

  Future<User> getUser(long id);

  Future<Page> listUser(int pageNo);
}
