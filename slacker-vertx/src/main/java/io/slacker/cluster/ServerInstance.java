package io.slacker.cluster;

import io.vertx.core.net.SocketAddress;

import java.util.Objects;

/** One server of a service as discovery sees it: where to reach it and what it published. */
public record ServerInstance(SocketAddress address, ServerData data) {

  public ServerInstance {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(data, "data");
  }

  @Override
  public String toString() {
    return address.host() + ":" + address.port();
  }
}
