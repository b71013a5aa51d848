package io.slacker;

import io.vertx.core.Future;

/** Runs one service method on the server with arguments already decoded into their declared types. */
@FunctionalInterface
public interface MethodHandler {

  /**
   * @return the method's result; a thrown exception is reported like a failed future, as an
   *     {@link StatusCode#APPLICATION_ERROR} unless it is a {@link SlackerException}
   */
  Future<?> invoke(Object[] args) throws Exception;
}
