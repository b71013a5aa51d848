package io.slacker.spi.metrics;

import io.slacker.StatusCode;
import io.vertx.core.net.SocketAddress;

/**
 * A client's meters. Called on the event loops of the client's calls and connections, so an
 * implementation is thread-safe and never blocks. Tag values stay bounded: a service or method
 * a server did not know ({@code NOT_FOUND}) is reported as {@link #UNKNOWN}.
 */
public interface RpcClientMetrics {

  /** Stands for a service or method name that no server knew, so that callers cannot grow the tag set. */
  String UNKNOWN = "_unknown";

  /** An attempt of a call to {@code server} started. */
  void callStarted(String service, String method);

  /**
   * That attempt ended.
   *
   * @param code {@code null} for success
   * @param requestBytes the request frame's size, 0 when it was never encoded
   * @param responseBytes the response frame's size, 0 without one
   */
  void callEnded(String service, String method, SocketAddress server, StatusCode code, long nanos,
                 long requestBytes, long responseBytes);

  /** The router sent a call again, to the same or another server, after {@code code}. */
  void retried(String service, StatusCode code);

  /** The retry budget refused a retry: the call failed with its last attempt's failure. */
  void retryBudgetExhausted(String service);

  /** A server was taken out of rotation for a while after failures. */
  void ejected(SocketAddress server);

  void connectionOpened(SocketAddress server);

  void connectionClosed(SocketAddress server);

  /** The client closed: meters of its own may go. */
  void close();
}
