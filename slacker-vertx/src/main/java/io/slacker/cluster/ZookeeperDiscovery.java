package io.slacker.cluster;

import io.slacker.cluster.impl.ZookeeperDiscoveryImpl;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.Vertx;
import org.apache.curator.framework.CuratorFramework;

/**
 * Discovery in ZooKeeper through Curator: servers publish ephemeral nodes that re-create
 * themselves after a session expiry; clients keep a watched cache per service and read no node
 * per call. See docs/cluster.md for the node layout.
 */
public interface ZookeeperDiscovery extends ServiceDiscovery {

  /** A discovery with its own Curator client, connected on first use and closed by {@link #close()}. */
  static ZookeeperDiscovery create(Vertx vertx, ZookeeperDiscoveryOptions options) {
    return new ZookeeperDiscoveryImpl(vertx, null, new ZookeeperDiscoveryOptions(options));
  }

  /**
   * A discovery over a started Curator client that someone else owns, for instance the one of
   * vertx-zookeeper's {@code ZookeeperClusterManager#getCuratorFramework()}: one ZooKeeper session
   * then serves both. {@link #close()} leaves that client open; the connection options are unused.
   */
  static ZookeeperDiscovery create(Vertx vertx, CuratorFramework curator, ZookeeperDiscoveryOptions options) {
    return new ZookeeperDiscoveryImpl(vertx, curator, new ZookeeperDiscoveryOptions(options));
  }

  /** @return the Curator client in use */
  CuratorFramework curator();
}
