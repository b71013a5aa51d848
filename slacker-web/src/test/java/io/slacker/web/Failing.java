package io.slacker.web;

import io.slacker.annotations.SlackerService;
import io.vertx.core.Future;

/** A service whose method fails as its argument says, for the status mapping tests. */
@SlackerService(name = "test.Failing")
public interface Failing {

  /**
   * Fails with a {@code SlackerException} of the status code named, {@code SERVICE} for a
   * {@code ServiceException}, or {@code RUNTIME} for a plain exception.
   */
  Future<String> fail(String code);
}
