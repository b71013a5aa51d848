package io.slacker.cli;

import io.slacker.admin.ServerDescription;
import io.slacker.admin.ServiceDescription;
import io.slacker.admin.SlackerAdmin;
import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.ServiceMembers;
import io.slacker.cluster.ZookeeperDiscovery;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cluster as {@code slacker ls} shows it: each service's servers in rotation and leader, from
 * ZooKeeper, and the servers that are registered but out of rotation. ZooKeeper lists an offline
 * server under {@code servers/} only, so which of its services are offline is asked of the server
 * itself (describe), and only of servers missing from some service.
 *
 * @param offline by server address, the services it runs but has out of rotation
 * @param unexplained registered servers in no service whose describe failed: offline, services unknown (all services listed only)
 */
record ClusterSnapshot(List<ServiceMembers> services, List<ServerInstance> registered,
                       Map<String, Set<String>> offline, Set<String> unexplained) {

  /** @param only the one service to read, or {@code null} for all */
  static ClusterSnapshot read(Connections connections, String only) {
    ZookeeperDiscovery discovery = connections.discovery();
    List<String> names = connections.awaitZookeeper(discovery.services());
    if (only != null) {
      if (!names.contains(only)) {
        throw ServiceLookup.unknown(connections, only);
      }
      names = List.of(only);
    }
    List<ServiceMembers> services = connections.awaitZookeeper(members(discovery, names));
    List<ServerInstance> registered = connections.awaitZookeeper(discovery.registeredServers());
    Map<String, Set<String>> offline = new LinkedHashMap<>();
    Set<String> unexplained = new LinkedHashSet<>();
    Map<String, Future<ServerDescription>> asked = askMissing(connections, services, registered);
    asked.forEach((server, description) -> {
      // A server that cannot tell is still shown if ZooKeeper lists it in no service at all.
      ServerDescription described = connections.awaitQuietly(description);
      if (described == null) {
        if (only == null && inNoService(server, services)) {
          unexplained.add(server);
        }
        return;
      }
      Set<String> down = new LinkedHashSet<>();
      for (ServiceDescription service : described.getServices()) {
        if (Boolean.FALSE.equals(service.getOnline()) && (only == null || only.equals(service.getName()))) {
          down.add(service.getName());
        }
      }
      if (!down.isEmpty()) {
        offline.put(server, down);
      }
    });
    return new ClusterSnapshot(services, registered, offline, unexplained);
  }

  /** One read of each service's members: a watch, closed once it has its first view. */
  private static Future<List<ServiceMembers>> members(ZookeeperDiscovery discovery, List<String> names) {
    List<Future<ServiceMembers>> reads = new ArrayList<>();
    for (String name : names) {
      reads.add(discovery.watch(name, members -> { }).compose(watch -> {
        ServiceMembers members = watch.current();
        return watch.close().otherwiseEmpty().map(members);
      }));
    }
    return Future.all(reads).map(all -> all.<ServiceMembers>list());
  }

  /** Describes, all at once, the registered servers that are missing from at least one service. */
  private static Map<String, Future<ServerDescription>> askMissing(Connections connections, List<ServiceMembers> services,
                                                                  List<ServerInstance> registered) {
    SlackerAdmin admin = SlackerAdmin.create(connections.client());
    Map<String, Future<ServerDescription>> asked = new LinkedHashMap<>();
    for (ServerInstance server : registered) {
      String address = server.toString();
      boolean missing = services.stream().anyMatch(service -> !addresses(service).contains(address));
      if (missing) {
        asked.put(address, admin.describe(server.address()));
      }
    }
    return asked;
  }

  private static boolean inNoService(String server, List<ServiceMembers> services) {
    return services.stream().noneMatch(service -> addresses(service).contains(server));
  }

  static Set<String> addresses(ServiceMembers members) {
    Set<String> addresses = new HashSet<>();
    members.servers().forEach(server -> addresses.add(server.toString()));
    return addresses;
  }

  /** @return the registered server at {@code address}, {@code null} if it left meanwhile */
  ServerInstance registered(String address) {
    return registered.stream().filter(server -> server.toString().equals(address)).findFirst().orElse(null);
  }
}
