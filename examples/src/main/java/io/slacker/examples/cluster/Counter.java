package io.slacker.examples.cluster;

import io.slacker.annotations.Idempotent;
import io.slacker.annotations.SlackerService;
import io.vertx.core.Future;

/** The cluster demo's stateful service: each server counts on its own, so writes go to the leader. */
@SlackerService(name = "demo.Counter")
public interface Counter {

  /** @return the answering server's {@code host:port} */
  @Idempotent
  Future<String> who();

  /** @return the answering server and its count after this increment */
  Future<String> increment();
}
