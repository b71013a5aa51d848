package io.slacker.impl.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.slacker.CallMetadata;
import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.NotSentException;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerException;
import io.slacker.TokenProvider;
import io.slacker.StatusCode;
import io.slacker.cluster.GroupResult;
import io.slacker.cluster.Grouping;
import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.impl.CallAttempt;
import io.slacker.cluster.impl.ClusterRouter;
import io.slacker.impl.InterceptorChains;
import io.slacker.impl.metrics.RpcMetrics;
import io.slacker.impl.VerticleScope;
import io.slacker.impl.codegen.ServiceBindings;
import io.slacker.impl.serialization.Serializers;
import io.slacker.impl.tracing.ClientSpan;
import io.slacker.impl.tracing.GroupSpan;
import io.slacker.spi.ClientInterceptor;
import io.slacker.spi.metrics.RpcClientMetrics;
import io.slacker.spi.Serializer;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

public final class SlackerClientImpl implements SlackerClient {

  private final VertxInternal vertx;
  private final SlackerClientOptions options;
  private final Serializer defaultSerializer;
  private final ClientTransport transport;
  /** What a method that returns a service answers on the wire: its instance's name. */
  private static final JavaType INSTANCE_NAME = TypeFactory.defaultInstance().constructType(String.class);

  private final Map<SocketAddress, ServerEndpoint> endpoints = new ConcurrentHashMap<>();
  /** Apart from the plain ones: a server restarted with TLS at the same address is another endpoint. */
  private final Map<SocketAddress, ServerEndpoint> tlsEndpoints = new ConcurrentHashMap<>();
  /** The proxies this client made, weakly: a proxy dropped by its user is forgotten here too. */
  private final Map<Object, ProxyOrigin> proxies = new WeakHashMap<>();
  private final List<ClientInterceptor> interceptors = new CopyOnWriteArrayList<>();
  /** Routes calls that name no server; it needs the discovery for all but explicit server lists. */
  private final ClusterRouter router;
  private final boolean hasDiscovery;
  /** The client's own context, for its timers: they must not belong to whichever verticle called. */
  private final ContextInternal context;
  private volatile boolean closed;
  private volatile TokenProvider tokenProvider;
  /** Where calls are measured; {@code null} when nothing is. */
  private final RpcClientMetrics metrics;
  /** Undeploying the verticle that created the client closes it. */
  private final VerticleScope scope;
  private Future<Void> closing;

  public SlackerClientImpl(io.vertx.core.Vertx vertx, SlackerClientOptions options, ServiceDiscovery discovery) {
    this.vertx = (VertxInternal) vertx;
    this.options = options;
    this.hasDiscovery = discovery != null;
    this.context = this.vertx.createEventLoopContext();
    this.transport = new ClientTransport(vertx, options);
    this.metrics = RpcMetrics.client(vertx, options.getMetrics());
    this.router = new ClusterRouter(vertx, context, discovery, options.getCluster(), transport,
        options.getConnectTimeoutMillis(), new TransportFailures(), metrics);
    this.defaultSerializer = Serializers.get().byName(options.getSerialization());
    this.scope = VerticleScope.of(this::close);
  }

  @Override
  public SlackerClient tokenProvider(TokenProvider provider) {
    this.tokenProvider = Objects.requireNonNull(provider, "provider");
    return this;
  }

  /** @return where calls and connections get their token, or {@code null} for none */
  TokenProvider tokenProvider() {
    return tokenProvider;
  }

  @Override
  public SlackerClient addInterceptor(ClientInterceptor interceptor) {
    interceptors.add(interceptor);
    return this;
  }

  @Override
  public <T> Future<T> call(SocketAddress server, String service, String method, List<?> args,
                            Class<T> resultType, CallOptions options) {
    return call(server, service, method, args, TypeFactory.defaultInstance().constructType(resultType), options);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Future<T> call(SocketAddress server, String service, String method, List<?> args,
                            JavaType resultType, CallOptions options) {
    CallOptions effective = options == null ? new CallOptions() : options;
    return (Future<T>) callOrRoute(service, method, null, args.toArray(), resultType,
        server != null ? server : effective.getServer(), effective);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Future<T> call(MethodDescriptor method, Object[] args, CallOptions options) {
    CallOptions effective = options == null ? new CallOptions() : options;
    return (Future<T>) callOrRoute(method.serviceName(), method.methodName(), method, args, method.returnType(),
        effective.getServer(), effective);
  }

  /** A call to the server named, or, with none named and a discovery, where the router sends it. */
  private Future<Object> callOrRoute(String service, String method, MethodDescriptor descriptor, Object[] args,
                                     JavaType resultType, SocketAddress server, CallOptions callOptions) {
    if (server == null && hasDiscovery) {
      return routed(service, method, descriptor, args, resultType, callOptions);
    }
    return start(service, method, descriptor, args, resultType, server, null, callOptions,
        timeoutOf(callOptions, descriptor), false, null, null);
  }

  @Override
  public <S, T> Future<GroupResult<T>> group(Class<S> serviceInterface, Grouping grouping, Function<S, Future<T>> call) {
    CallRecorder recorder = new CallRecorder();
    call.apply(ServiceBindings.of(serviceInterface).createProxy(recorder, new CallOptions()));
    CallRecorder.Recorded recorded = recorder.recorded();
    if (recorded == null) {
      return Future.failedFuture(new IllegalArgumentException("a group call must call one method of the proxy it is given"));
    }
    return group(recorded.method(), recorded.args(), grouping, recorded.options());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Future<GroupResult<T>> group(MethodDescriptor method, Object[] args, Grouping grouping, CallOptions options) {
    if (!grouping.isGroup()) {
      return Future.failedFuture(new IllegalArgumentException("group calls take Grouping.all() or Grouping.servers(...), not " + grouping.kind()));
    }
    CallOptions effective = options == null ? new CallOptions() : options;
    ContextInternal caller = vertx.getOrCreateContext();
    GroupSpan span = GroupSpan.start(caller, this.options.getTracingPolicy(), method.serviceName(), method.methodName(), grouping);
    Future<GroupResult<T>> result = router.callGroup(method.serviceName(), grouping, timeoutOf(effective, method),
        (CallAttempt<T>) attempt(method.serviceName(), method.methodName(), method, args, method.returnType(), effective,
            false, span == null ? caller : span.context()));
    return span == null ? result : span.endWith(result);
  }

  @Override
  public Future<SocketAddress> leader(String service) {
    return requireDiscovery().compose(v -> router.leader(service, options.getCallTimeoutMillis()));
  }

  @Override
  public Future<List<ServerInstance>> servers(String service) {
    return requireDiscovery().compose(v -> router.servers(service, options.getCallTimeoutMillis()));
  }

  private Future<Void> requireDiscovery() {
    return hasDiscovery ? Future.succeededFuture() : Future.failedFuture(new IllegalStateException(
        "this client has no discovery: create it with SlackerClient.create(vertx, options, discovery)"));
  }

  /**
   * A call to a service instance: to the server that returned it, on the transport the call that
   * returned it took. Meters and spans name the interface's service, never the instance.
   *
   * @param onInstance the method, on the instance's name: what the request names
   */
  @SuppressWarnings("unchecked")
  <T> Future<T> callInstance(MethodDescriptor method, MethodDescriptor onInstance, Object[] args, CallOptions options,
                             SocketAddress server, boolean tls) {
    CallOptions effective = options == null ? new CallOptions() : options;
    return (Future<T>) start(method.serviceName(), method.methodName(), onInstance, args, method.returnType(), server, tls,
        effective, timeoutOf(effective, method), false, null, null);
  }

  /** A call that names no server: the router picks the server(s), each attempt is an ordinary call. */
  private Future<Object> routed(String service, String method, MethodDescriptor descriptor, Object[] args,
                                JavaType resultType, CallOptions callOptions) {
    Grouping grouping = callOptions.getGrouping() != null ? callOptions.getGrouping()
        : descriptor != null && descriptor.leaderRouted() ? Grouping.leader() : router.defaultGrouping();
    long timeout = timeoutOf(callOptions, descriptor);
    if (grouping.isGroup()) {
      ContextInternal caller = vertx.getOrCreateContext();
      GroupSpan span = GroupSpan.start(caller, options.getTracingPolicy(), service, method, grouping);
      Future<Object> result = router.callGroupMerged(service, grouping, timeout,
          attempt(service, method, descriptor, args, resultType, callOptions, false, span == null ? caller : span.context()));
      return span == null ? result : span.endWith(result);
    }
    return router.call(service, grouping, descriptor != null && descriptor.idempotent(), callOptions.getHashKey(),
        timeout, attempt(service, method, descriptor, args, resultType, callOptions,
            grouping.kind() == Grouping.Kind.LEADER, callersTrace()));
  }

  /**
   * The attempts of a routed call may start later, on the router's context: they join the trace
   * the caller is in now, kept on a copy of its duplicated context. {@code null} without a tracer.
   */
  private ContextInternal callersTrace() {
    if (vertx.tracer() == null) {
      return null;
    }
    ContextInternal caller = vertx.getOrCreateContext();
    return caller.isDuplicate() ? caller.duplicate(true) : caller;
  }

  /**
   * @param toLeader the call goes to the service's leader: a server that does not lead now refuses it unrun
   * @param traceContext the context whose trace each attempt's span joins
   */
  private CallAttempt<Object> attempt(String service, String method, MethodDescriptor descriptor, Object[] args,
                                      JavaType resultType, CallOptions callOptions, boolean toLeader,
                                      ContextInternal traceContext) {
    return (server, requiresTls, timeoutMillis, leaderIncarnation) -> start(service, method, descriptor, args, resultType,
        server, requiresTls, callOptions, timeoutMillis, toLeader, leaderIncarnation, traceContext);
  }

  /** A connection that failed or closed under the client: its server leaves the rotation at once. */
  void connectionLost(SocketAddress server, SlackerException reason) {
    if (!closed && hasDiscovery) {
      router.connectionFailed(server, reason.getMessage());
    }
  }

  @Override
  public <T> T proxy(Class<T> serviceInterface, CallOptions defaults) {
    CallOptions options = new CallOptions(defaults);
    T proxy = ServiceBindings.of(serviceInterface).createProxy(this, options);
    synchronized (proxies) {
      proxies.put(proxy, new ProxyOrigin(serviceInterface, options));
    }
    return proxy;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T withOptions(T proxy, Consumer<CallOptions> change) {
    ProxyOrigin origin;
    synchronized (proxies) {
      origin = proxies.get(proxy);
    }
    if (origin == null) {
      throw new IllegalArgumentException("not a proxy made by this client: " + proxy.getClass().getName());
    }
    CallOptions options = new CallOptions(origin.defaults());
    change.accept(options);
    return (T) proxy((Class<Object>) origin.serviceInterface(), options);
  }

  /** What a proxy was made from, for {@link #withOptions}. */
  private record ProxyOrigin(Class<?> serviceInterface, CallOptions defaults) {
  }

  /**
   * @param requiresTls what discovery says of {@code server}; {@code null} for a server it does not list
   * @param traceContext the context whose trace the call's span joins; {@code null} for the caller's
   */
  private Future<Object> start(String service, String method, MethodDescriptor descriptor, Object[] args,
                               JavaType resultType, SocketAddress server, Boolean requiresTls, CallOptions callOptions,
                               long timeoutMillis, boolean toLeader, String leaderIncarnation,
                               ContextInternal traceContext) {
    ContextInternal caller = vertx.getOrCreateContext();
    if (server == null) {
      return caller.failedFuture(new SlackerException(StatusCode.UNAVAILABLE,
          "no server to call " + service + "#" + method + ": set CallOptions.setServer(...)"));
    }
    Serializer serializer;
    try {
      serializer = callOptions.getSerialization() == null ? defaultSerializer : Serializers.get().byName(callOptions.getSerialization());
    } catch (IllegalArgumentException e) {
      return caller.failedFuture(new SlackerException(StatusCode.BAD_REQUEST, e.getMessage()));
    }
    boolean tls;
    try {
      tls = transport.useTls(server, requiresTls);
    } catch (NotSentException e) {
      return caller.failedFuture(e);
    }
    boolean returnsService = descriptor != null && descriptor.returnsService();
    ClientCallImpl call = new ClientCallImpl(service, method, descriptor, args, new CallMetadata(callOptions.getMetadata()),
        server, timeoutMillis, serializer, returnsService ? INSTANCE_NAME : resultType, toLeader, leaderIncarnation);
    ClientSpan span = ClientSpan.start(traceContext != null ? traceContext : caller, options.getTracingPolicy(), call);
    Future<Object> outcome = measured(call, () -> run(caller, call, tls, span));
    return !returnsService ? outcome
        : outcome.map(name -> name == null ? null : instanceProxy(descriptor, server, tls, (String) name, callOptions));
  }

  /**
   * The proxy of the service instance a call returned: the returned interface's own proxy, whose
   * calls go to the instance; it keeps the options of the call that returned it, bar its routing.
   */
  private Object instanceProxy(MethodDescriptor method, SocketAddress server, boolean tls, String name, CallOptions callOptions) {
    CallOptions defaults = new CallOptions(callOptions).setServer(server).setGrouping(null).setHashKey(null);
    return ServiceBindings.of(method.returnType().getRawClass())
        .createProxy(new ServiceInstanceClient(this, server, tls, name), defaults);
  }

  /** The call's outcome, counted in the client's meters when it has any. */
  private Future<Object> measured(ClientCallImpl call, Supplier<Future<Object>> run) {
    if (metrics == null) {
      return run.get();
    }
    String service = call.service();
    String method = call.method();
    metrics.callStarted(service, method);
    long start = System.nanoTime();
    return run.get().onComplete(outcome -> {
      StatusCode code = outcome.succeeded() ? null : SlackerException.from(outcome.cause()).code();
      boolean known = code != StatusCode.NOT_FOUND;
      metrics.callEnded(known ? service : RpcClientMetrics.UNKNOWN, known ? method : RpcClientMetrics.UNKNOWN, call.server(),
          code, System.nanoTime() - start, call.requestBytes(), call.responseBytes());
    });
  }

  /** @param span the call's span, ended with it; {@code null} when nothing is traced */
  private Future<Object> run(ContextInternal caller, ClientCallImpl call, boolean tls, ClientSpan span) {
    Future<Object> result = interceptors.isEmpty() ? withToken(caller, call, tls)
        : InterceptorChains.run(interceptors, (interceptor, next) -> interceptor.intercept(call, next),
            () -> withToken(caller, call, tls));
    return span == null ? result : span.endWith(result);
  }

  /** Sends the call once the provider's current token is known, so that the connection can tell whether it must travel. */
  private Future<Object> withToken(ContextInternal caller, ClientCallImpl call, boolean tls) {
    TokenProvider provider = tokenProvider;
    if (provider == null) {
      return send(caller, call, tls);
    }
    return ClientTokens.current(provider, "the call " + call)
        .transform(token -> {
          if (token.failed()) {
            return caller.failedFuture(token.cause());
          }
          call.token(token.result());
          return send(caller, call, tls);
        });
  }

  private long timeoutOf(CallOptions callOptions, MethodDescriptor descriptor) {
    if (callOptions.getTimeoutMillis() > 0) {
      return callOptions.getTimeoutMillis();
    }
    if (descriptor != null && descriptor.timeoutMillis() > 0) {
      return descriptor.timeoutMillis();
    }
    return options.getCallTimeoutMillis();
  }

  private Future<Object> send(ContextInternal caller, ClientCallImpl call, boolean tls) {
    Promise<Object> promise = caller.promise();
    if (closed) {
      promise.fail(new SlackerException(StatusCode.UNAVAILABLE, "the client is closed"));
      return promise.future();
    }
    try {
      ClientConnection connection;
      do {
        connection = endpoints(tls).computeIfAbsent(call.server(), address -> new ServerEndpoint(this, address, tls, options))
            .connection();
      } while (connection == null);
      connection.send(call, promise);
    } catch (SlackerException e) {
      promise.fail(e);
    }
    return promise.future();
  }

  /** An endpoint with nothing left to do leaves the table; the next call to its address makes a new one. */
  void endpointRetired(SocketAddress address, boolean tls, ServerEndpoint endpoint) {
    endpoints(tls).remove(address, endpoint);
  }

  private Map<SocketAddress, ServerEndpoint> endpoints(boolean tls) {
    return tls ? tlsEndpoints : endpoints;
  }

  @Override
  public Future<Void> updateSSLOptions(ClientSSLOptions options) {
    return transport.updateSSLOptions(options);
  }

  /** Runs {@code action} after {@code delayMillis} on the client's own context. */
  void schedule(long delayMillis, Runnable action) {
    context.setTimer(delayMillis, t -> action.run());
  }

  /** @return how many server addresses the client currently keeps state for */
  int endpointCount() {
    return endpoints.size() + tlsEndpoints.size();
  }

  /** Pending calls fail with UNAVAILABLE; closing again returns the first close's future. */
  @Override
  public synchronized Future<Void> close() {
    if (closing == null) {
      scope.release();
      closed = true;
      Future<Void> routes = router.close();
      for (Map<SocketAddress, ServerEndpoint> table : List.of(endpoints, tlsEndpoints)) {
        for (ServerEndpoint endpoint : new ArrayList<>(table.values())) {
          endpoint.close();
        }
        table.clear();
      }
      closing = Future.join(routes, transport.close()).<Void>mapEmpty().andThen(v -> {
        if (metrics != null) {
          metrics.close();
        }
      });
    }
    return closing;
  }

  VertxInternal vertx() {
    return vertx;
  }

  /** @return where the client's connections are counted; {@code null} when nothing is measured */
  RpcClientMetrics metrics() {
    return metrics;
  }

  ClientTransport transport() {
    return transport;
  }
}
