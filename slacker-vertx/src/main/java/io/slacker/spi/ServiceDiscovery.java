package io.slacker.spi;

import io.slacker.cluster.ServerData;
import io.slacker.cluster.ServerRegistration;
import io.slacker.cluster.ServiceMembers;
import io.slacker.cluster.ServiceWatch;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;

/**
 * Where servers announce the services they run and clients find them. Implementations never
 * block the calling thread: results and updates are delivered on the caller's Vert.x context.
 *
 * <p>Slacker ships a ZooKeeper implementation ({@link io.slacker.cluster.ZookeeperDiscovery})
 * and a static one for tests and small fixed setups ({@link io.slacker.cluster.StaticDiscovery}).
 */
public interface ServiceDiscovery {

  /**
   * Starts watching {@code service}. The future completes with the first snapshot; after that,
   * {@code listener} gets every snapshot that differs from the previous one.
   */
  Future<ServiceWatch> watch(String service, Handler<ServiceMembers> listener);

  /** Publishes a server reachable at {@code address}; its services are added through the registration. */
  Future<ServerRegistration> register(SocketAddress address, ServerData data);

  /**
   * @return whether the discovery reaches the store it publishes in now, so that what servers
   *     publish through it is visible to clients; read by health checks, so it never blocks.
   *     True for a discovery that has no store to lose, such as a static one.
   */
  default boolean isConnected() {
    return true;
  }

  /** Releases what the discovery holds; registrations and watches made through it end. */
  Future<Void> close();
}
