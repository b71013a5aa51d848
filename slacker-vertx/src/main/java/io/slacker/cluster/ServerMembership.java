package io.slacker.cluster;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;

/**
 * A running server's place in its cluster: take it, or one of its services, out of rotation
 * and back without stopping it, publish new server data, and follow its leaderships.
 */
public interface ServerMembership {

  /** Withdraws every service (giving up leaderships); the process stays listed under {@code servers/}. */
  Future<Void> offline();

  /** Publishes again every service that is not offline on its own. */
  Future<Void> online();

  Future<Void> offline(String service);

  Future<Void> online(String service);

  /** @return whether the whole server is in rotation: registered in discovery and not taken {@link #offline()} */
  boolean isOnline();

  /**
   * @return whether the discovery the server registered through reaches its store now (see
   *     {@link io.slacker.spi.ServiceDiscovery#isConnected()}): while it does not, the server's
   *     nodes may be missing, for instance after a ZooKeeper session expiry, until it reconnects
   */
  boolean isDiscoveryConnected();

  /** @return the address the server is published under (its advertised host and port), {@code null} before it registered */
  SocketAddress address();

  /** @return whether {@code service} is currently published */
  boolean isOnline(String service);

  ServerData data();

  Future<Void> updateData(ServerData data);

  /** @return whether this server leads {@code service} now: {@link #leaderTerm} is not 0 */
  default boolean isLeader(String service) {
    return leaderTerm(service) != 0;
  }

  /**
   * @return the fencing token of this server's current term as leader of {@code service}: it
   *     grows from term to term, so a store outside Slacker can refuse writes of an older term;
   *     0 when this server does not lead now
   */
  long leaderTerm(String service);

  /** Called with the service name whenever this server gains or loses the leadership of a service. */
  ServerMembership leadershipHandler(Handler<String> handler);
}
