package io.slacker;

import com.fasterxml.jackson.databind.JavaType;
import io.slacker.cluster.GroupResult;
import io.slacker.cluster.Grouping;
import io.slacker.cluster.ServerInstance;
import io.slacker.impl.client.SlackerClientImpl;
import io.slacker.spi.ClientInterceptor;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.SocketAddress;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Calls Slacker services. One multiplexed connection per server address, opened on first use;
 * results complete on the caller's Vert.x context.
 */
public interface SlackerClient {

  static SlackerClient create(Vertx vertx) {
    return create(vertx, new SlackerClientOptions());
  }

  static SlackerClient create(Vertx vertx, SlackerClientOptions options) {
    return new SlackerClientImpl(vertx, new SlackerClientOptions(options), null);
  }

  /**
   * A client that finds servers in {@code discovery}: a call without a server goes where its
   * grouping says (per call, per proxy, or {@link io.slacker.cluster.ClusterClientOptions#getGrouping()}),
   * balanced and failed over as {@link SlackerClientOptions#getCluster()} configures. A service is
   * looked up on its first call and then watched.
   */
  static SlackerClient create(Vertx vertx, SlackerClientOptions options, ServiceDiscovery discovery) {
    return new SlackerClientImpl(vertx, new SlackerClientOptions(options), discovery);
  }

  /**
   * Presents the tokens of {@code provider} to servers: each new connection's HELLO carries the
   * current token, and a call whose current token differs from its connection's carries it in its
   * metadata. A server that requires authentication refuses calls without a valid token with
   * {@link StatusCode#UNAUTHENTICATED}; one that does not ignores it. Set it before the first call.
   */
  SlackerClient tokenProvider(TokenProvider provider);

  /** Adds an interceptor; interceptors run in the order they were added. */
  SlackerClient addInterceptor(ClientInterceptor interceptor);

  /**
   * Calls a method by name, with no generated code: the generic path for tools and gateways.
   * The server picks the method of that name; of overloads, the first in declaration order
   * whose parameters the arguments decode into.
   *
   * @param server the server to call; or {@code null} for the server of {@code options}, else, on a
   *     client created with a discovery, where the grouping sends the call (a client without
   *     either fails it with {@code UNAVAILABLE})
   */
  <T> Future<T> call(SocketAddress server, String service, String method, List<?> args,
                     Class<T> resultType, CallOptions options);

  /** As {@link #call(SocketAddress, String, String, List, Class, CallOptions)}, for generic result types. */
  <T> Future<T> call(SocketAddress server, String service, String method, List<?> args,
                     JavaType resultType, CallOptions options);

  /**
   * Calls a method by its descriptor: the path generated proxies take. The target is
   * {@link CallOptions#getServer()}.
   */
  <T> Future<T> call(MethodDescriptor method, Object[] args, CallOptions options);

  /** @return the generated proxy of {@code serviceInterface}; each call's options start from {@code defaults} */
  <T> T proxy(Class<T> serviceInterface, CallOptions defaults);

  /** @return the generated proxy of {@code serviceInterface}, calling {@code server} */
  default <T> T proxy(Class<T> serviceInterface, SocketAddress server) {
    return proxy(serviceInterface, new CallOptions().setServer(server));
  }

  /**
   * A proxy like {@code proxy}, whose options are a copy of {@code proxy}'s changed by
   * {@code change}: per-call options without repeating the server, as in
   * {@code client.withOptions(greeter, o -> o.setTimeoutMillis(200)).greet("x")}. {@code proxy}
   * itself is unchanged.
   *
   * @throws IllegalArgumentException when {@code proxy} was not made by this client's {@link #proxy}
   */
  <T> T withOptions(T proxy, Consumer<CallOptions> change);

  /**
   * Makes the one call {@code call} makes on the proxy it is given on every server
   * {@code grouping} names, e.g. {@code client.group(Greeter.class, Grouping.all(), g -> g.greet("x"))}.
   * The result has each server's value or failure; it fails as the grouping's policy says.
   *
   * @param grouping {@link Grouping#all()} (needs a discovery) or {@link Grouping#servers(List)}
   */
  <S, T> Future<GroupResult<T>> group(Class<S> serviceInterface, Grouping grouping, Function<S, Future<T>> call);

  /**
   * Calls {@code method} on every server {@code grouping} names: the descriptor form of
   * {@link #group(Class, Grouping, Function)}, for callers without a generated proxy.
   */
  <T> Future<GroupResult<T>> group(MethodDescriptor method, Object[] args, Grouping grouping, CallOptions options);

  /** {@link #group} on every server of the service, failing if any fails. */
  default <S, T> Future<GroupResult<T>> all(Class<S> serviceInterface, Function<S, Future<T>> call) {
    return group(serviceInterface, Grouping.all(), call);
  }

  /** @return the elected leader of a leader-routed service, or {@code null} while it has none (needs a discovery) */
  Future<SocketAddress> leader(String service);

  /** @return the servers of the service in rotation, as this client sees them (needs a discovery) */
  Future<List<ServerInstance>> servers(String service);

  /**
   * Replaces the client's TLS trust and key material: connections opened from then on use them,
   * connections already open keep theirs. A {@code null} hostname verification algorithm means
   * {@value SlackerClientOptions#DEFAULT_HOSTNAME_VERIFICATION_ALGORITHM}, as in the options.
   *
   * @throws IllegalStateException (in the future) when the client does not use TLS
   */
  Future<Void> updateSSLOptions(ClientSSLOptions options);

  /** Closes every connection; pending calls fail with {@code UNAVAILABLE}. */
  Future<Void> close();
}
