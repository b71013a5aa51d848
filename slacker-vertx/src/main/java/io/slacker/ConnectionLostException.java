package io.slacker;

/**
 * {@code UNAVAILABLE} for a call whose request had been written when its connection was lost:
 * the server may have run it. A cluster client sends it elsewhere only for an idempotent method.
 */
public final class ConnectionLostException extends SlackerException {

  public ConnectionLostException(SlackerException reason) {
    super(reason.code(), reason.getMessage(), reason.getCause());
  }
}
