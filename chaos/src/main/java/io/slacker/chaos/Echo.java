package io.slacker.chaos;

import io.slacker.annotations.Idempotent;
import io.slacker.annotations.SlackerService;
import io.vertx.core.Future;

/** The ordinary service under test, called ONE (balanced) and ALL. */
@SlackerService(name = Echo.NAME)
public interface Echo {

  String NAME = "chaos.Echo";

  /** @return who ran it: {@code host:port/incarnation} */
  @Idempotent
  Future<String> ping();

  Future<String> touch();
}
