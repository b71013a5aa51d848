package io.slacker.impl.server;

import io.slacker.SlackerException;
import io.slacker.StatusCode;

/**
 * The server's own refusal of a caller, {@code UNAUTHENTICATED} or {@code PERMISSION_DENIED},
 * before the method ran: told apart from a method's failure of the same code, since a refused
 * one-way call is expected traffic and not worth a warning.
 */
final class AccessRefusal extends SlackerException {

  AccessRefusal(StatusCode code, String message) {
    super(code, message);
  }
}
