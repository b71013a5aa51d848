package io.slacker.web.impl;

import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.Future;

import java.util.List;
import java.util.function.Supplier;

/** The names of the services registered in a discovery, for {@code GET /}. */
final class DiscoveredServices {

  private DiscoveredServices() {
  }

  /**
   * @return what lists the services of {@code discovery}, {@code null} when it cannot list them:
   *     the discovery SPI watches services by name and has no listing, ZooKeeper's has one
   */
  static Supplier<Future<List<String>>> lister(ServiceDiscovery discovery) {
    return discovery instanceof ZookeeperDiscovery zookeeper ? zookeeper::services : null;
  }
}
