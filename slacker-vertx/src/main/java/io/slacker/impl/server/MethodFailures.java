package io.slacker.impl.server;

import io.slacker.SlackerException;
import io.slacker.StatusCode;

/**
 * Gives what a service method fails with the origin it has: the application. Codes such as
 * {@code UNAVAILABLE} drive the caller's retries and ejections, so one that a method passes on
 * from its own downstream call must not reach the wire as if this server's transport raised it.
 */
final class MethodFailures {

  private MethodFailures() {
  }

  /** @return {@code failure} itself, or for a Slacker code that is not the application's, that code relayed */
  static Throwable fromMethod(Throwable failure) {
    if (failure instanceof SlackerException slacker && !slacker.code().isApplicationCode()) {
      return relayed(slacker);
    }
    return failure;
  }

  /** {@code failure} as an APPLICATION_ERROR that keeps its code visible as the relayed code. */
  static SlackerException relayed(SlackerException failure) {
    return new SlackerException(StatusCode.APPLICATION_ERROR, failure.getMessage(), failure.getClass().getName(),
        failure.code(), failure);
  }
}
