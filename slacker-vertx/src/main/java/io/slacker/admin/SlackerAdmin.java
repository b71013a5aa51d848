package io.slacker.admin;

import io.slacker.SlackerClient;
import io.slacker.cluster.ServerData;
import io.slacker.impl.admin.SlackerAdminImpl;
import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;

import java.util.concurrent.TimeUnit;

/**
 * Describe and administer a running server through {@value #SERVICE}, the service every Slacker
 * server answers. On a server that authenticates its callers every operation needs
 * {@code SlackerPermissions.ADMIN}. On one that does not, describe is open, and the operations
 * that change the server are refused unless it sets
 * {@code SlackerServerOptions.setAdminWithoutAuthorization(true)}.
 * Each call goes to the server named, never through discovery, and fails with the
 * {@code SlackerException} the server answered.
 */
public interface SlackerAdmin {

  /** The name of the built-in service. */
  String SERVICE = "slacker.Server";

  /** @param client the client the calls go through; its options (TLS, token, serialization) apply */
  static SlackerAdmin create(SlackerClient client) {
    return new SlackerAdminImpl(client);
  }

  /** @return the server's services and their methods, its clients, server data, uptime and version */
  Future<ServerDescription> describe(SocketAddress server);

  /** Takes the whole server out of rotation in discovery; it keeps running and serving direct calls. */
  Future<Void> offline(SocketAddress server);

  /** Takes one service of the server out of rotation. */
  Future<Void> offline(SocketAddress server, String service);

  /** Puts the whole server back in rotation; a service taken offline on its own stays offline. */
  Future<Void> online(SocketAddress server);

  /** Puts one service of the server back in rotation. */
  Future<Void> online(SocketAddress server, String service);

  /** @return the server data the server publishes in discovery */
  Future<ServerData> data(SocketAddress server);

  /**
   * Replaces the server data the server publishes; {@code incarnation}, {@code startTime} and
   * {@code tls} stay the server's own whatever {@code data} says.
   *
   * @return the server data now published
   */
  Future<ServerData> updateData(SocketAddress server, ServerData data);

  /**
   * Starts the server's graceful shutdown ({@code SlackerServer.shutdown(timeout, unit)}) and
   * completes once the server has accepted the order, before it stops.
   */
  Future<Void> shutdown(SocketAddress server, long timeout, TimeUnit unit);
}
