package io.slacker.web;

import io.slacker.ServerState;
import io.slacker.SlackerServer;
import io.slacker.cluster.ServerMembership;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.cluster.impl.ServerAddresses;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import org.apache.curator.framework.state.ConnectionState;

/**
 * Health checks of Slacker servers and ZooKeeper discoveries as vertx-health-check procedures,
 * and the route that serves them over HTTP. Every procedure reads state the server or discovery
 * already holds: a check never waits for ZooKeeper nor blocks the event loop it runs on.
 *
 * <pre>{@code
 * HealthChecks checks = HealthChecks.create(vertx);
 * SlackerHealth.register(checks, server);
 * SlackerHealth.register(checks, discovery);
 * Router main = Router.router(vertx);
 * SlackerHealth.mount(main, checks);                    // GET /health, GET /health/<procedure>
 * }</pre>
 *
 * <p>A set of checks holds one procedure of each name: give each server its own
 * {@link HealthChecks} when a process runs several.
 */
public final class SlackerHealth {

  /** UP while the server's sockets are bound: from the end of {@code listen()} until it is closed, draining included. */
  public static final String SERVER_LISTENING = "slacker.server.listening";

  /**
   * UP while the server is in rotation in discovery: registered, not taken offline, and its
   * discovery connected, so that its nodes exist. Registered only for a server with a discovery.
   */
  public static final String SERVER_REGISTERED = "slacker.server.registered";

  /** UP until a shutdown or close begins; DOWN from then on, so that load balancers stop sending work. */
  public static final String SERVER_DRAINING = "slacker.server.draining";

  /** UP while the discovery's ZooKeeper connection is up (CONNECTED or RECONNECTED). */
  public static final String DISCOVERY_CONNECTED = "slacker.discovery.connected";

  /** Where {@link #mount(Router, HealthChecks)} serves the checks. */
  public static final String PATH = "/health";

  private SlackerHealth() {
  }

  /**
   * Registers {@value #SERVER_LISTENING}, {@value #SERVER_DRAINING} and, for a server created
   * with a discovery, {@value #SERVER_REGISTERED}. Each procedure's data names the server's
   * {@code state} ({@link ServerState}); the listening one also its {@code port}, the registered
   * one its published {@code address}, whether it is {@code online} and whether its discovery is
   * {@code connected}.
   */
  public static HealthChecks register(HealthChecks checks, SlackerServer server) {
    checks.register(SERVER_LISTENING, promise -> {
      ServerState state = server.state();
      JsonObject data = new JsonObject().put("state", state.name()).put("port", server.actualPort());
      boolean up = state == ServerState.LISTENING || state == ServerState.DRAINING;
      promise.complete(up ? Status.OK(data) : Status.KO(data));
    });
    checks.register(SERVER_DRAINING, promise -> {
      ServerState state = server.state();
      JsonObject data = new JsonObject().put("state", state.name());
      boolean up = state == ServerState.CREATED || state == ServerState.LISTENING;
      promise.complete(up ? Status.OK(data) : Status.KO(data));
    });
    ServerMembership membership = membershipOf(server);
    if (membership != null) {
      checks.register(SERVER_REGISTERED, promise -> {
        SocketAddress address = membership.address();
        boolean online = membership.isOnline();
        boolean connected = membership.isDiscoveryConnected();
        JsonObject data = new JsonObject()
            .put("state", server.state().name())
            .put("address", address == null ? null : ServerAddresses.format(address))
            .put("online", online)
            .put("connected", connected);
        promise.complete(online && connected ? Status.OK(data) : Status.KO(data));
      });
    }
    return checks;
  }

  /**
   * Registers {@value #DISCOVERY_CONNECTED}, with the connection's {@code state} (Curator's
   * {@code CONNECTED}, {@code SUSPENDED}, {@code RECONNECTED}, {@code LOST}, or
   * {@code NOT_CONNECTED} before the first connection), the ZooKeeper {@code sessionId} in hex
   * and the {@code connectString}. The first check starts the discovery's Curator client if
   * nothing has used the discovery yet ({@link ZookeeperDiscovery#connect()}), so that a
   * process waiting for its first call still connects.
   */
  public static HealthChecks register(HealthChecks checks, ZookeeperDiscovery discovery) {
    checks.register(DISCOVERY_CONNECTED, promise -> discovery.connect().onComplete(started -> {
      ConnectionState state = discovery.connectionState();
      JsonObject data = new JsonObject()
          .put("state", state == null ? "NOT_CONNECTED" : state.name())
          .put("sessionId", "0x" + Long.toHexString(discovery.sessionId()))
          .put("connectString", discovery.curator().getZookeeperClient().getCurrentConnectionString());
      if (started.failed()) {
        data.put("error", started.cause().getMessage());
      }
      promise.complete(started.succeeded() && discovery.isConnected() ? Status.OK(data) : Status.KO(data));
    }));
    return checks;
  }

  /**
   * Serves {@code checks} on {@code GET /health} (every procedure) and
   * {@code GET /health/<procedure>} (one) of {@code router}, with vertx-web's
   * {@link HealthCheckHandler}: {@code 200} when every procedure is UP, {@code 503} when one is
   * DOWN, {@code 404} for an unknown procedure, and vertx-health-check's JSON
   * ({@code status}, {@code outcome}, {@code checks} with each {@code id}, {@code status} and
   * {@code data}). Mount it before routes that answer every path, such as the gateway's; handlers
   * of your own for that path (authentication) go on {@code router} before it.
   *
   * @return the route added
   */
  public static Route mount(Router router, HealthChecks checks) {
    return router.get(PATH + "*").handler(HealthCheckHandler.createWithHealthChecks(checks));
  }

  /** @return the server's membership, {@code null} for a server created without a discovery */
  private static ServerMembership membershipOf(SlackerServer server) {
    try {
      return server.membership();
    } catch (IllegalStateException noDiscovery) {
      return null;
    }
  }
}
