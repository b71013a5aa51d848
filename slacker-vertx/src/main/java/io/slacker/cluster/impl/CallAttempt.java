package io.slacker.cluster.impl;

import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;

/** One try of a call on one server, as the client's transport makes it. */
@FunctionalInterface
public interface CallAttempt<T> {

  /**
   * @param requiresTls whether discovery says {@code server} requires TLS; {@code null} when
   *     discovery does not list it (an explicit server list), which leaves it to the client's options
   * @param leaderIncarnation for a call to the leader, the incarnation discovery names as the
   *     leader at {@code server}; the transport does not send the call to another process there.
   *     {@code null} for other calls, or when unknown
   */
  Future<T> call(SocketAddress server, Boolean requiresTls, long timeoutMillis, String leaderIncarnation);
}
