package io.slacker.cluster;

import io.vertx.core.Future;
import io.vertx.core.Handler;

/**
 * A server's presence in discovery: its server node, the services it is in rotation for, and the
 * leader elections it takes part in. Everything it publishes disappears when the process dies
 * and is re-created after the discovery session is lost and comes back.
 */
public interface ServerRegistration {

  /**
   * Puts the server in rotation for {@code service}. With {@code electLeader} it also stands for
   * election as the service's leader.
   *
   * @return completes once the service node exists in discovery
   */
  Future<Void> publish(String service, boolean electLeader);

  /** Takes the server out of rotation for {@code service} and gives up its leadership. */
  Future<Void> withdraw(String service);

  /** @return whether this server holds the leadership of {@code service} now: {@link #leaderTerm} is not 0 */
  default boolean isLeader(String service) {
    return leaderTerm(service) != 0;
  }

  /**
   * @return the fencing token of this server's current term as leader of {@code service}, larger
   *     than every earlier term's, while it holds the leadership now (under a fresh lease where the
   *     discovery has one); 0 when it does not lead
   */
  long leaderTerm(String service);

  /** Called on the registering context with the service name whenever this server gains or loses its leadership. */
  ServerRegistration leadershipHandler(Handler<String> handler);

  /** Publishes new server data on the server node and on every service node. */
  Future<Void> updateData(ServerData data);

  ServerData data();

  /** Withdraws everything and removes the server node. */
  Future<Void> close();
}
