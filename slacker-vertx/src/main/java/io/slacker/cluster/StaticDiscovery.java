package io.slacker.cluster;

import io.slacker.cluster.impl.ServerAddresses;
import io.slacker.cluster.impl.StaticDiscoveryImpl;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;

/**
 * Discovery from a list held in memory, for tests and small fixed setups. Servers given to it
 * publish into the same list, and leader-routed services elect the earliest candidate, so one
 * process can exercise every cluster feature without ZooKeeper. Watchers see each change at once.
 */
public interface StaticDiscovery extends ServiceDiscovery {

  static StaticDiscovery create(Vertx vertx) {
    return new StaticDiscoveryImpl(vertx);
  }

  /**
   * A discovery listing the servers of each service given in {@code config}, e.g.
   * {@code {"shop.Greeter": ["10.0.0.1:2104", "10.0.0.2:2104"]}}.
   *
   * @throws IllegalArgumentException when an entry is not a list of {@code host:port}
   */
  static StaticDiscovery create(Vertx vertx, JsonObject config) {
    StaticDiscovery discovery = create(vertx);
    for (String service : config.fieldNames()) {
      Object servers = config.getValue(service);
      if (!(servers instanceof JsonArray)) {
        throw new IllegalArgumentException("servers of '" + service + "' must be a list of host:port, got " + servers);
      }
      for (Object server : (JsonArray) servers) {
        SocketAddress address = ServerAddresses.parse(String.valueOf(server));
        if (address == null) {
          throw new IllegalArgumentException("server of '" + service + "' must be host:port, got '" + server + "'");
        }
        discovery.add(service, address);
      }
    }
    return discovery;
  }

  /** Adds (or replaces) a server of {@code service}. */
  StaticDiscovery add(String service, ServerInstance server);

  default StaticDiscovery add(String service, SocketAddress address) {
    return add(service, new ServerInstance(address, new ServerData()));
  }

  StaticDiscovery remove(String service, SocketAddress address);

  /** Names the leader of {@code service}, or clears it with {@code null}; it overrides any election. */
  StaticDiscovery setLeader(String service, SocketAddress leader);
}
