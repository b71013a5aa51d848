package io.slacker;

import io.vertx.core.Future;

import java.util.Objects;

/**
 * Where a client gets the bearer token it presents to servers that require authentication. It is
 * asked when a connection opens (the token travels in the HELLO) and before every call: a call
 * whose token differs from the one its connection opened with carries it in its metadata, so a
 * provider that refreshes a token before it expires keeps long-lived connections authenticated.
 * It is called often: return a cached, completed future until the token must change.
 */
@FunctionalInterface
public interface TokenProvider {

  /** @return a provider of one token that never changes */
  static TokenProvider of(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("token must not be empty");
    }
    Future<String> fixed = Future.succeededFuture(token);
    return () -> fixed;
  }

  /** @return the current token; a failed future fails the call (or the connection) with {@code UNAUTHENTICATED} */
  Future<String> token();
}
