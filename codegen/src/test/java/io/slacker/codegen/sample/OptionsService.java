package io.slacker.codegen.sample;

import io.slacker.annotations.Blocking;
import io.slacker.annotations.Idempotent;
import io.slacker.annotations.SlackerService;
import io.slacker.annotations.Timeout;
import io.vertx.core.Future;

import java.util.concurrent.TimeUnit;

/** Method options from annotations; the interface's own apply to every method that sets none. */
@SlackerService(name = "options")
@Timeout(value = 5, unit = TimeUnit.SECONDS)
public interface OptionsService {

  /** Never completes: the call ends at its deadline. */
  @Timeout(150)
  Future<String> hang();

  @Idempotent
  Future<String> threadOnEventLoop();

  @Blocking
  Future<String> threadOnWorker(long sleepMillis);
}
