package io.slacker.impl.client;

import io.slacker.SlackerClientOptions;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.net.SocketAddress;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The client's view of one server address: its current connection, opened on demand, and the
 * exponential backoff (with jitter) that spaces out attempts after failed connects.
 */
final class ServerEndpoint {

  private final SlackerClientImpl client;
  private final SocketAddress address;
  private final SlackerClientOptions options;
  private ClientConnection current;
  private int failures;
  private long retryAtNanos;
  private Throwable lastFailure;
  private boolean closed;

  ServerEndpoint(SlackerClientImpl client, SocketAddress address, SlackerClientOptions options) {
    this.client = client;
    this.address = address;
    this.options = options;
  }

  /** @throws SlackerException {@code UNAVAILABLE} while the backoff after a failed connect runs */
  synchronized ClientConnection connection() {
    if (closed) {
      throw new SlackerException(StatusCode.UNAVAILABLE, "the client is closed");
    }
    if (current != null && current.acceptsCalls()) {
      return current;
    }
    long waitNanos = retryAtNanos - System.nanoTime();
    if (failures > 0 && waitNanos > 0) {
      throw new SlackerException(StatusCode.UNAVAILABLE, "cannot connect to " + address + " (" + failures
          + " failed attempt" + (failures == 1 ? "" : "s") + ", last: " + lastFailure.getMessage()
          + "); next attempt in " + TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms");
    }
    current = new ClientConnection(client, this, address, options);
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

  synchronized void close() {
    closed = true;
    if (current != null) {
      current.close(new SlackerException(StatusCode.UNAVAILABLE, "the client is closed"));
    }
  }
}
