package io.slacker.spi.metrics;

import io.slacker.StatusCode;

import java.util.function.BooleanSupplier;

/**
 * A server's meters. Called on the server's event loops, so an implementation is thread-safe
 * and never blocks. A request for a service or method the server does not run is reported
 * under {@link RpcClientMetrics#UNKNOWN}, so that callers cannot grow the tag set.
 */
public interface RpcServerMetrics {

  void callStarted(String service, String method);

  /**
   * @param code {@code null} for success
   * @param responseBytes the response frame's size, 0 without one (one-way, or no answer)
   */
  void callEnded(String service, String method, StatusCode code, long nanos, long requestBytes, long responseBytes);

  /** A request was refused {@code OVERLOADED} before it ran: memory, calls in flight or the blocking queue. */
  void overloaded();

  /** A call's deadline passed while it ran. */
  void deadlineExceeded(String service, String method);

  /** The caller cancelled a call while it ran. */
  void cancelled(String service, String method);

  void connectionOpened();

  void connectionClosed();

  /** The server publishes {@code service} in discovery; {@code leads} says, when read, whether it leads it now. */
  void leadership(String service, BooleanSupplier leads);

  /** The server closed: meters of its own may go. */
  void close();
}
