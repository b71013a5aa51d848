package io.slacker.cluster;

import io.slacker.cluster.impl.ZookeeperDiscoveryImpl;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.framework.state.ConnectionState;

import java.util.List;

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
   * Nodes get that client's ACLs and its session's identity, so the ACL options must be unset
   * (see {@link #aclProvider(ZookeeperDiscoveryOptions)}).
   *
   * @throws IllegalArgumentException if {@code options} set ACL options
   */
  static ZookeeperDiscovery create(Vertx vertx, CuratorFramework curator, ZookeeperDiscoveryOptions options) {
    return new ZookeeperDiscoveryImpl(vertx, curator, new ZookeeperDiscoveryOptions(options));
  }

  /**
   * The ACLs that a discovery created from {@code options} puts on Slacker's nodes
   * (docs/security.md), for an application that builds the Curator client it passes to
   * {@link #create(Vertx, CuratorFramework, ZookeeperDiscoveryOptions)}: give it to
   * {@code CuratorFrameworkFactory.builder().aclProvider(...)} together with the client's
   * {@code authorization(...)}.
   *
   * @throws IllegalArgumentException if the ACL options contradict each other
   */
  static ACLProvider aclProvider(ZookeeperDiscoveryOptions options) {
    return ZookeeperDiscoveryImpl.aclProvider(options);
  }

  /** @return the Curator client in use */
  CuratorFramework curator();

  /**
   * Starts the discovery's own Curator client now rather than on first use, so that a process
   * that has not called or registered anything yet still connects, and reports it, e.g. to a
   * health check. Does not wait for ZooKeeper: the connection comes up in the background.
   *
   * @return completes once the client is started (at once for a client someone else owns);
   *     fails when that client is not started
   */
  Future<Void> connect();

  /**
   * @return whether the ZooKeeper connection is up now: Curator's last reported state is
   *     {@code CONNECTED} or {@code RECONNECTED}; false before the first connection and while it
   *     is {@code SUSPENDED} (ZooKeeper unreachable, the session may survive) or {@code LOST}
   *     (the session expired; Slacker's nodes re-create themselves once it reconnects)
   */
  @Override
  boolean isConnected();

  /** @return the connection state Curator reported last, {@code null} before the first connection and once closed */
  ConnectionState connectionState();

  /** @return the id of the ZooKeeper session of the last connection (as ZooKeeper's logs show it, in hex), 0 before the first */
  long sessionId();

  /**
   * Called with each change of the connection state, on the context that set it; {@code null}
   * removes it. Curator reports {@code SUSPENDED} as soon as ZooKeeper cannot be reached,
   * {@code LOST} once the session is given up, {@code RECONNECTED} when it is back.
   */
  ZookeeperDiscovery connectionStateHandler(Handler<ConnectionState> handler);

  /**
   * @return the names of every service registered in the cluster, sorted, read once (for tools;
   *     routing watches each service instead); fails when ZooKeeper cannot be reached
   */
  Future<List<String>> services();

  /**
   * @return every server registered in the cluster, in rotation or offline, with its server data,
   *     sorted by address, read once; an offline server has no node under its services
   */
  Future<List<ServerInstance>> registeredServers();
}
