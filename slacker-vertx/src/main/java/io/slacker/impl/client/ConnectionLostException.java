package io.slacker.impl.client;

import io.slacker.SlackerException;

/**
 * {@code UNAVAILABLE} for a call whose request had been written when its connection was lost:
 * the server may have run it, so only an idempotent call may be retried elsewhere.
 */
public final class ConnectionLostException extends SlackerException {

  ConnectionLostException(SlackerException reason) {
    super(reason.code(), reason.getMessage(), reason.getCause());
  }
}
