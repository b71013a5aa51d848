package io.slacker.impl.client;

import io.slacker.SlackerException;
import io.slacker.StatusCode;

/**
 * A call that certainly did not run: it never left this client (no connection, the connection
 * had received GOAWAY, its write queue was full), or the server refused it before running it.
 * Safe to send elsewhere whatever the method.
 */
public final class NotSentException extends SlackerException {

  private final boolean serverUnreachable;

  NotSentException(StatusCode code, String message, boolean serverUnreachable, Throwable cause) {
    super(code, message, cause);
    this.serverUnreachable = serverUnreachable;
  }

  /** A call that could not be sent because the server cannot be reached (refused, backoff). */
  static NotSentException unreachable(String message, Throwable cause) {
    return new NotSentException(StatusCode.UNAVAILABLE, message, true, cause);
  }

  /** A call that was not sent, or refused unrun, by or to a server that is alive. */
  static NotSentException notSent(StatusCode code, String message) {
    return new NotSentException(code, message, false, null);
  }

  /** @return whether the failure says the server cannot be reached, so it should leave the rotation */
  public boolean serverUnreachable() {
    return serverUnreachable;
  }
}
