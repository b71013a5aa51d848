package io.slacker.cluster;

import io.vertx.core.net.SocketAddress;

import java.util.List;

/**
 * A snapshot of one service in discovery: the servers in rotation, sorted by address, and the
 * elected leader, or {@code null} when the service has none (not leader-routed, or between leaders).
 */
public record ServiceMembers(String service, List<ServerInstance> servers, SocketAddress leader) {

  public ServiceMembers {
    servers = List.copyOf(servers);
  }

  public static ServiceMembers empty(String service) {
    return new ServiceMembers(service, List.of(), null);
  }

  public boolean isEmpty() {
    return servers.isEmpty();
  }
}
