package io.slacker.cluster.impl;

import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;

/** One try of a call on one server, as the client's transport makes it. */
@FunctionalInterface
public interface CallAttempt<T> {

  Future<T> call(SocketAddress server, long timeoutMillis);
}
