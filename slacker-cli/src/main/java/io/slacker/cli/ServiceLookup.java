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
   * @throws CommandFailure {@link ExitCode#NOT_FOUND} when no server offers the service
   */
  List<ServerInstance> requireKnown(String service) {
    List<ServerInstance> servers = connections.awaitZookeeper(connections.routingClient().servers(service));
    if (servers.isEmpty()) {
      throw new CommandFailure(ExitCode.NOT_FOUND, "NOT_FOUND: no server of cluster '" + connections.cluster()
          + "' offers service '" + service + "'");
    }
    return servers;
  }
}
