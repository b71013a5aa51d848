package io.slacker.codegen.bench;

import io.slacker.annotations.SlackerService;
import io.slacker.codegen.sample.User;
import io.vertx.core.Future;

/** The service {@link ProxyVsByNameThroughput} calls: a small request, a small record back. */
@SlackerService(name = "bench.Users")
public interface BenchService {

  Future<User> getUser(long id);
}
