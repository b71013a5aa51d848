package io.slacker.cluster;

import io.slacker.cluster.impl.StaticDiscoveryImpl;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.Vertx;
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

  /** Adds (or replaces) a server of {@code service}. */
  StaticDiscovery add(String service, ServerInstance server);

  default StaticDiscovery add(String service, SocketAddress address) {
    return add(service, new ServerInstance(address, new ServerData()));
  }

  StaticDiscovery remove(String service, SocketAddress address);

  /** Names the leader of {@code service}, or clears it with {@code null}; it overrides any election. */
  StaticDiscovery setLeader(String service, SocketAddress leader);
}
