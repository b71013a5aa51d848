package io.slacker.impl.client;

import io.slacker.NotSentException;
import io.slacker.SlackerClientOptions;
import io.slacker.StatusCode;
import io.vertx.core.net.SocketAddress;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The client's view of one server address: its current connection, opened on demand, and the
 * exponential backoff (with jitter) that spaces out attempts after failed connects. An endpoint
 * with no connection and no backoff left retires, so a client that has called many addresses
 * over its life (pod IPs churn) keeps only the ones in use.
 */
final class ServerEndpoint {

  private final SlackerClientImpl client;
  private final SocketAddress address;
  private final boolean tls;
  private final SlackerClientOptions options;
  private ClientConnection current;
  private int failures;
  private long retryAtNanos;
  private Throwable lastFailure;
  private boolean closed;
  private boolean retired;

  /** @param tls whether its connections use TLS */
  ServerEndpoint(SlackerClientImpl client, SocketAddress address, boolean tls, SlackerClientOptions options) {
    this.client = client;
    this.address = address;
    this.tls = tls;
    this.options = options;
  }

  /**
   * @return the connection for a new call, opened if needed; {@code null} once this endpoint has
   *     retired, for the caller to look the address up again
   * @throws NotSentException while the backoff after a failed connect runs, or once the client is closed
   */
  synchronized ClientConnection connection() {
    if (closed) {
      throw new NotSentException(StatusCode.UNAVAILABLE, "the client is closed", false, null);
    }
    if (retired) {
      return null;
    }
    if (current != null && current.acceptsCalls()) {
      return current;
    }
    long waitNanos = retryAtNanos - System.nanoTime();
    if (failures > 0 && waitNanos > 0) {
      throw new NotSentException(StatusCode.UNAVAILABLE, "cannot connect to " + address + " (" + failures
          + " failed attempt" + (failures == 1 ? "" : "s") + ", last: " + lastFailure.getMessage()
          + "); next attempt in " + TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms", true, lastFailure);
    }
    current = new ClientConnection(client, this, address, tls, options);
    current.connect();
    return current;
  }

  synchronized void connected() {
    failures = 0;
    lastFailure = null;
  }

  synchronized void connectFailed(Throwable cause) {
    failures++;
    lastFailure = cause;
    long backoff = Math.min(options.getReconnectBackoffMaxMillis(),
        options.getReconnectBackoffInitialMillis() << Math.min(failures - 1, 30));
    long jittered = (long) (backoff * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
    retryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(jittered);
  }

  /** {@code connection} closed or never connected: retire now, or once the backoff it left is over. */
  synchronized void connectionClosed(ClientConnection connection) {
    if (current != connection) {
      return;
    }
    current = null;
    long waitNanos = failures > 0 ? retryAtNanos - System.nanoTime() : 0;
    if (waitNanos > 0) {
      client.schedule(TimeUnit.NANOSECONDS.toMillis(waitNanos) + 1, this::retireIfIdle);
    } else {
      retireIfIdle();
    }
  }

  private synchronized void retireIfIdle() {
    if (current == null && !retired && !closed && (failures == 0 || retryAtNanos - System.nanoTime() <= 0)) {
      retired = true;
      client.endpointRetired(address, tls, this);
    }
  }

  synchronized void close() {
    closed = true;
    if (current != null) {
      current.close(new NotSentException(StatusCode.UNAVAILABLE, "the client is closed", false, null));
    }
  }
}
