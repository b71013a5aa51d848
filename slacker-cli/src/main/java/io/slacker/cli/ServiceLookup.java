package io.slacker.cli;

import io.slacker.cluster.ServerInstance;

import java.util.List;

/** Finds a service's servers in the cluster, failing with the right exit code when there are none. */
final class ServiceLookup {

  private final Connections connections;

  ServiceLookup(Connections connections) {
    this.connections = connections;
  }

  /**
   * @return the servers of {@code service} in rotation, as a client sees them
   * @throws CommandFailure {@link ExitCode#NOT_FOUND} for a service ZooKeeper does not know,
   *     {@link ExitCode#UNAVAILABLE} for one with no server in rotation
   */
  List<ServerInstance> requireServers(String service) {
    List<ServerInstance> servers = connections.awaitZookeeper(connections.routingClient().servers(service));
    if (!servers.isEmpty()) {
      return servers;
    }
    if (!connections.awaitZookeeper(connections.discovery().services()).contains(service)) {
      throw unknown(connections, service);
    }
    throw new CommandFailure(ExitCode.UNAVAILABLE, "UNAVAILABLE: service '" + service + "' has no server in rotation"
        + " (offline?); slacker ls " + service + " shows its servers");
  }

  static CommandFailure unknown(Connections connections, String service) {
    return new CommandFailure(ExitCode.NOT_FOUND, "NOT_FOUND: cluster '" + connections.cluster()
        + "' has no service '" + service + "' (slacker ls lists them)");
  }
}
