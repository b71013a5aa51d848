package io.slacker.web.impl;

import io.slacker.ConnectionLostException;
import io.slacker.NotSentException;
import io.slacker.SlackerException;

/**
 * The HTTP status of a Slacker failure. The choices that are not obvious: FAILED_PRECONDITION is
 * 409, because HTTP's 412 is about the request's own conditional headers ({@code If-Match}),
 * while the application says its state conflicts with the call; CANCELLED is 499 ("client closed
 * request"); PROTOCOL_ERROR is 502, an invalid answer from upstream; INTERNAL and
 * APPLICATION_ERROR are 500, a failure behind the gateway that the HTTP caller cannot fix.
 */
final class HttpStatuses {

  static final int CLIENT_CLOSED_REQUEST = 499;

  private HttpStatuses() {
  }

  static int of(SlackerException failure) {
    // Either the call never reached a server, or the connection to it was lost: the upstream is unavailable.
    if (failure instanceof NotSentException || failure instanceof ConnectionLostException) {
      return 503;
    }
    return switch (failure.code()) {
      case NOT_FOUND, ENTITY_NOT_FOUND -> 404;
      case BAD_REQUEST, INVALID_ARGUMENT -> 400;
      case UNAUTHENTICATED -> 401;
      case PERMISSION_DENIED -> 403;
      case FAILED_PRECONDITION -> 409;
      case OVERLOADED -> 429;
      case CANCELLED -> CLIENT_CLOSED_REQUEST;
      case DEADLINE_EXCEEDED -> 504;
      case UNAVAILABLE, NOT_LEADER -> 503;
      case PROTOCOL_ERROR -> 502;
      case APPLICATION_ERROR, INTERNAL -> 500;
    };
  }
}
