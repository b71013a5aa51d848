package io.slacker.cluster;

import io.vertx.core.net.SocketAddress;

/** The outcome of a grouped call on one server: a value, or a failure. */
public record ServerResult<T>(SocketAddress server, T value, Throwable failure) {

  public static <T> ServerResult<T> success(SocketAddress server, T value) {
    return new ServerResult<>(server, value, null);
  }

  public static <T> ServerResult<T> failure(SocketAddress server, Throwable failure) {
    return new ServerResult<>(server, null, failure);
  }

  public boolean succeeded() {
    return failure == null;
  }
}
