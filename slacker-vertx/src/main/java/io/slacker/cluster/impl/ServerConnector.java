package io.slacker.cluster.impl;

import io.vertx.core.Future;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;

/** Opens connections to servers as the client's transport does: plain TCP or TLS, as each server requires. */
@FunctionalInterface
public interface ServerConnector {

  /**
   * @param requiresTls whether discovery says {@code server} requires TLS; {@code null} when
   *     discovery does not list it, which leaves the choice to the client's own options
   */
  Future<NetSocket> connect(SocketAddress server, Boolean requiresTls);
}
