package io.slacker;

import io.slacker.cluster.ServerMembership;
import io.slacker.impl.server.SlackerServerImpl;
import io.slacker.spi.ServerInterceptor;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ServerSSLOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.auth.authorization.Authorization;
import io.vertx.ext.auth.authorization.AuthorizationProvider;

import java.util.concurrent.TimeUnit;

/**
 * Serves registered services over Slacker's binary protocol on a Vert.x TCP server. Methods run
 * on the connection's event loop, or on a bounded worker pool when they are marked blocking.
 */
public interface SlackerServer {

  static SlackerServer create(Vertx vertx) {
    return create(vertx, new SlackerServerOptions());
  }

  static SlackerServer create(Vertx vertx, SlackerServerOptions options) {
    return new SlackerServerImpl(vertx, new SlackerServerOptions(options), null);
  }

  /**
   * A server that publishes itself and every service it registers in {@code discovery} once it
   * listens (configured by {@link SlackerServerOptions#getCluster()}), and withdraws before a
   * graceful {@link #shutdown()} drains it.
   */
  static SlackerServer create(Vertx vertx, SlackerServerOptions options, ServiceDiscovery discovery) {
    return new SlackerServerImpl(vertx, new SlackerServerOptions(options), discovery);
  }

  /**
   * Adds a service under its name. Registering two services with the same name, or names whose
   * ids collide, fails with {@link IllegalArgumentException}.
   */
  SlackerServer register(ServiceDefinition service);

  /**
   * Adds a service through the binding generated for its interface ({@code @SlackerService}
   * or {@code @ProxyGen}).
   */
  <T> SlackerServer register(Class<T> serviceInterface, T implementation);

  /** Adds an interceptor; interceptors run in the order they were added. */
  SlackerServer addInterceptor(ServerInterceptor interceptor);

  /**
   * Requires every call to carry an identity that {@code provider} verifies: the bearer token of
   * the client's HELLO, or of the call's {@code slacker-token} metadata, as
   * {@link io.vertx.ext.auth.authentication.TokenCredentials}. A call without one, with one the
   * provider refuses, or whose user has {@link User#expired() expired}, is answered
   * {@link StatusCode#UNAUTHENTICATED} and not run; the others see their user in
   * {@link ServerCall#user()}. Set it before {@link #listen()}.
   */
  SlackerServer authentication(AuthenticationProvider provider);

  /**
   * Adds a provider of users' authorizations (roles, permissions), loaded once per user before
   * the first check that needs them; providers are asked in the order they were added.
   */
  SlackerServer addAuthorizationProvider(AuthorizationProvider provider);

  /**
   * Requires {@code authorization} of callers of every method of {@code service}, in addition to
   * what the methods declare ({@code @RequiresPermission}, {@code @RequiresRole}). Checked after
   * authentication and before interceptors and the method run; a caller that lacks it is answered
   * {@link StatusCode#PERMISSION_DENIED} and the method does not run.
   */
  SlackerServer requireAuthorization(String service, Authorization authorization);

  /** As {@link #requireAuthorization(String, Authorization)}, for the methods named {@code method} (every overload). */
  SlackerServer requireAuthorization(String service, String method, Authorization authorization);

  /** Binds, then, with a discovery, completes once the server and its services are published. */
  Future<SlackerServer> listen();

  /**
   * @return the server's place in discovery: offline/online, server data, leaderships
   * @throws IllegalStateException when the server was created without a discovery
   */
  ServerMembership membership();

  /**
   * Replaces the server's TLS key, certificate and trust without a restart: connections accepted
   * from then on use them, connections already open keep theirs. The material is read again even
   * when {@code options} equal the current ones, so rewritten files are picked up. It fails, and
   * the server keeps its current material, when the new material cannot be loaded.
   *
   * @throws IllegalStateException (in the future) when the server does not use TLS or does not listen yet
   */
  Future<Void> updateSSLOptions(ServerSSLOptions options);

  /** @return the port bound by {@link #listen()}, useful with port 0; -1 before */
  int actualPort();

  /** @return where the server is in its life now: created, listening, draining or closed; never blocks */
  ServerState state();

  /**
   * Graceful stop with the configured timeout: see {@link #shutdown(long, TimeUnit)}.
   */
  Future<Void> shutdown();

  /**
   * With a discovery, first withdraws from it and waits
   * {@link io.slacker.cluster.ClusterServerOptions#getWithdrawGraceMillis()} while still serving,
   * so that clients stop choosing this server. Then stops accepting connections, sends goaway on
   * every connection so clients send no new calls, waits for the calls in flight to finish (at
   * most {@code timeout}), then closes.
   */
  Future<Void> shutdown(long timeout, TimeUnit unit);

  /** Closes at once; calls in flight fail on their clients with {@code UNAVAILABLE}. */
  Future<Void> close();
}
