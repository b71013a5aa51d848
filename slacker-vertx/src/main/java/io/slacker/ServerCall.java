package io.slacker;

import io.slacker.impl.server.CurrentServerCall;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.auth.User;

/**
 * A call as the server runs it: seen by {@link io.slacker.spi.ServerInterceptor}s, and by
 * service code through {@link #current()}.
 */
public interface ServerCall {

  /**
   * @return the call whose service method is running on this thread, or {@code null}. It is set
   *     while the method's synchronous part runs; keep the reference to use it later.
   */
  static ServerCall current() {
    return CurrentServerCall.get();
  }

  MethodDescriptor descriptor();

  /** @return the metadata that came with the request; interceptors may add to it */
  CallMetadata metadata();

  SocketAddress remoteAddress();

  /** @return the relative deadline that came with the request, 0 for none */
  long timeoutMillis();

  /**
   * @return for a call routed to the leader, the fencing token of the leadership term it runs in,
   *     checked when the call arrived: it grows from term to term, so a store outside Slacker can
   *     refuse a write that carries an older token than one it has seen; 0 for other calls
   */
  long leaderTerm();

  /**
   * @return the caller's identity, authenticated by the server's
   *     {@link SlackerServer#authentication(io.vertx.ext.auth.authentication.AuthenticationProvider)} before
   *     interceptors and the method run, with the authorizations loaded for its checks; {@code null}
   *     on a server without authentication
   */
  User user();

  /** @return whether the caller cancelled, the deadline passed, or the connection dropped */
  boolean isCancelled();

  /**
   * Registers a handler told, once, why the call stopped mattering: {@link StatusCode#CANCELLED}
   * for a cancel frame or a dropped connection, {@link StatusCode#DEADLINE_EXCEEDED} for the deadline.
   */
  ServerCall onCancel(Handler<SlackerException> handler);
}
