package io.slacker.benchmarks.dubbo;

import io.slacker.benchmarks.model.Page;
import io.slacker.benchmarks.model.User;

import java.util.concurrent.CompletableFuture;

/** The workload as a Dubbo interface; returning futures makes Dubbo's consumer asynchronous. */
public interface DubboUserService {

  CompletableFuture<Boolean> existUser(String email);

  CompletableFuture<Boolean> createUser(User user);

  CompletableFuture<User> getUser(long id);

  CompletableFuture<Page> listUser(int pageNo);
}
