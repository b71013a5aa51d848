package io.slacker.cluster;

import io.vertx.core.net.SocketAddress;

import java.util.List;

/**
 * A snapshot of one service in discovery: the servers in rotation, sorted by address, and the
 * elected leader, or {@code null} when the service has none (not leader-routed, or between leaders),
 * with the incarnation of the process that leads at that address ({@code null} when unknown).
 */
public record ServiceMembers(String service, List<ServerInstance> servers, SocketAddress leader, String leaderIncarnation) {

  public ServiceMembers {
    servers = List.copyOf(servers);
  }

  /** Members whose leader, if any, is known by its address only. */
  public ServiceMembers(String service, List<ServerInstance> servers, SocketAddress leader) {
    this(service, servers, leader, null);
  }

  public static ServiceMembers empty(String service) {
    return new ServiceMembers(service, List.of(), null);
  }

  public boolean isEmpty() {
    return servers.isEmpty();
  }
}
