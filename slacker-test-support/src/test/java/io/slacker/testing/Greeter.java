package io.slacker.testing;

import io.slacker.annotations.SlackerService;
import io.vertx.core.Future;

@SlackerService(name = "test.Greeter")
public interface Greeter {
  Future<String> greet(String name);
}
