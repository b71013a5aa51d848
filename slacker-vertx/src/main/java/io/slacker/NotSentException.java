package io.slacker;

/**
 * A call that certainly did not run: it never left the client (no connection, the connection had
 * received GOAWAY, its write queue was full), or the server refused it before running it. A
 * cluster client sends it elsewhere whatever the method.
 */
public final class NotSentException extends SlackerException {

  private final boolean serverUnreachable;

  /**
   * @param serverUnreachable whether it was not sent because the server cannot be reached
   *     (connection refused, reconnect backoff)
   */
  public NotSentException(StatusCode code, String message, boolean serverUnreachable, Throwable cause) {
    super(code, message, cause);
    this.serverUnreachable = serverUnreachable;
  }

  /** @return whether the failure says the server cannot be reached, so it should leave the rotation */
  public boolean serverUnreachable() {
    return serverUnreachable;
  }
}
