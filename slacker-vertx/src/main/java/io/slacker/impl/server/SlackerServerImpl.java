package io.slacker.impl.server;

import io.slacker.ServerLimitsOptions;
import io.slacker.ServerState;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.cluster.ServerMembership;
import io.slacker.cluster.impl.ServerPublisher;
import io.slacker.impl.VerticleScope;
import io.slacker.impl.codegen.ServiceBindings;
import io.slacker.impl.metrics.RpcMetrics;
import io.slacker.impl.protocol.MetadataLimits;
import io.slacker.impl.serialization.Serializers;
import io.slacker.spi.ServerInterceptor;
import io.slacker.spi.ServiceDiscovery;
import io.slacker.spi.metrics.RpcServerMetrics;
import io.vertx.core.Closeable;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.ServerSSLOptions;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.auth.authorization.Authorization;
import io.vertx.ext.auth.authorization.AuthorizationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

public final class SlackerServerImpl implements SlackerServer {

  private static final Logger LOG = LoggerFactory.getLogger(SlackerServerImpl.class);
  private static final AtomicInteger RANDOM_PORT_GROUPS = new AtomicInteger();
  /** The random-port group of each deployment, so that its instances share one random port. */
  private static final Map<Object, Integer> DEPLOYMENT_PORT_GROUPS = new WeakHashMap<>();

  private final Vertx vertx;
  private final SlackerServerOptions options;
  private final ServiceRegistry registry = new ServiceRegistry();
  private final List<ServerInterceptor> interceptors = new CopyOnWriteArrayList<>();
  private final AccessControl accessControl;
  /** Where calls are measured; {@code null} when nothing is. */
  private final RpcServerMetrics metrics;
  private final BlockingExecutor blockingExecutor;
  private final ServerMemoryBudget memory;
  private final ConnectionCount connections;
  private final MetadataLimits metadataLimits;
  private final List<NetServer> netServers = new CopyOnWriteArrayList<>();
  /** Publishes the server in discovery; {@code null} for a server created without one. */
  private final ServerPublisher publisher;
  /** Set when the listeners start to stop: a connection accepted from then on is told GOAWAY at once. */
  private volatile boolean stopping;
  /** Completes once listen()'s sockets are bound or failed: Vert.x cannot close a server still binding. */
  private Future<Void> listening;
  /** The listeners deployed for a server that listens outside an event loop; {@code null} otherwise. */
  private volatile String listenersDeployment;
  /** Undeploying the verticle that created the server shuts it down gracefully. */
  private final VerticleScope scope;
  private Future<Void> stopped;
  /** Changed under the server's lock, read without it by health checks. */
  private volatile ServerState state = ServerState.CREATED;

  public SlackerServerImpl(Vertx vertx, SlackerServerOptions options, ServiceDiscovery discovery) {
    this.vertx = vertx;
    this.options = options;
    ServerLimitsOptions limits = options.getLimits();
    long perRequest = (long) options.getMaxFrameSize() * limits.getRequestMemoryFactor();
    long serverLimit = limits.getMaxServerMemory() == 0 ? Runtime.getRuntime().maxMemory() / 2 : limits.getMaxServerMemory();
    if (limits.getMaxConnectionMemory() < perRequest || serverLimit < perRequest) {
      throw new IllegalArgumentException("a request of the maximum frame size (" + options.getMaxFrameSize()
          + " bytes) is charged " + perRequest + " bytes (requestMemoryFactor " + limits.getRequestMemoryFactor()
          + "), more than maxConnectionMemory (" + limits.getMaxConnectionMemory() + ") or the server's budget ("
          + serverLimit + "): it could never run; lower maxFrameSize or raise the budgets");
    }
    this.accessControl = new AccessControl(options.isAdminWithoutAuthorization());
    this.metrics = RpcMetrics.server(vertx, options.getMetrics());
    this.memory = new ServerMemoryBudget(serverLimit);
    this.connections = new ConnectionCount(limits.getMaxConnections());
    this.metadataLimits = new MetadataLimits(limits.getMaxMetadataEntries(), limits.getMaxMetadataKeyBytes(),
        limits.getMaxMetadataBytes());
    if (limits.isExitOnOutOfMemory()) {
      FatalErrors.install(vertx);
    }
    this.publisher = discovery == null ? null : new ServerPublisher(discovery, options.getCluster(), options.isSsl());
    // Every server answers the built-in service; it is never published in discovery: tools call a server by address.
    // Not prepared here, where a verticle's event loop may be running: its rare calls build their serializers themselves.
    registry.add(ServerAdminService.definition(this, registry, publisher));
    this.scope = VerticleScope.of(this::shutdown);
    this.blockingExecutor = new BlockingExecutor(
        vertx.createSharedWorkerExecutor("slacker-blocking-" + System.identityHashCode(this), options.getBlockingPoolSize()),
        options.getBlockingQueueSize());
  }

  @Override
  public SlackerServer register(ServiceDefinition service) {
    registry.add(service);
    service.methods().forEach(method -> Serializers.get().prepare(method.descriptor()));
    if (publisher != null) {
      publisher.serviceAdded(service.name(), service.methods().stream().anyMatch(m -> m.descriptor().leaderRouted()));
      if (metrics != null) {
        metrics.leadership(service.name(), () -> publisher.isLeader(service.name()));
      }
    }
    return this;
  }

  @Override
  public <T> SlackerServer register(Class<T> serviceInterface, T implementation) {
    return register(ServiceBindings.of(serviceInterface).createDefinition(implementation));
  }

  @Override
  public SlackerServer addInterceptor(ServerInterceptor interceptor) {
    interceptors.add(interceptor);
    return this;
  }

  @Override
  public SlackerServer authentication(AuthenticationProvider provider) {
    accessControl.authentication(Objects.requireNonNull(provider, "provider"));
    return this;
  }

  @Override
  public SlackerServer addAuthorizationProvider(AuthorizationProvider provider) {
    accessControl.authorizer().addProvider(Objects.requireNonNull(provider, "provider"));
    return this;
  }

  @Override
  public SlackerServer requireAuthorization(String service, Authorization authorization) {
    accessControl.authorizer().addRule(requireName(service, "service"), null, Objects.requireNonNull(authorization, "authorization"));
    return this;
  }

  @Override
  public SlackerServer requireAuthorization(String service, String method, Authorization authorization) {
    accessControl.authorizer().addRule(requireName(service, "service"), requireName(method, "method"),
        Objects.requireNonNull(authorization, "authorization"));
    return this;
  }

  private static String requireName(String name, String what) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(what + " name must not be empty");
    }
    return name;
  }

  AccessControl accessControl() {
    return accessControl;
  }

  /**
   * Called on an event loop (in a verticle, typically), the server listens on that context, so
   * the verticle's services see every call there. Elsewhere, or with {@code eventLoops} set, it
   * deploys that many listeners (one per core by default), each with a server on the shared port.
   */
  @Override
  public synchronized Future<SlackerServer> listen() {
    if (listening != null) {
      return Future.failedFuture(new IllegalStateException("server is already listening"));
    }
    try {
      ServerTls.apply(options, new NetServerOptions());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Context caller = Vertx.currentContext();
    int port = options.getPort() == 0 ? -randomPortGroup(caller) : options.getPort();
    if (options.getEventLoops() == 0 && caller != null && caller.isEventLoopContext()) {
      listening = listenOn((ContextInternal) caller, port);
    } else {
      int listeners = options.getEventLoops() == 0 ? Runtime.getRuntime().availableProcessors() : options.getEventLoops();
      listening = vertx.deployVerticle(() -> new Listener(port), new DeploymentOptions().setInstances(listeners))
          .onSuccess(id -> listenersDeployment = id)
          .mapEmpty();
    }
    listening.onSuccess(v -> bound());
    return listening
        .compose(ignored -> stopping
            ? Future.<Void>failedFuture(new IllegalStateException("the server was closed while it started listening"))
            : publisher == null ? Future.<Void>succeededFuture() : publisher.start(options.getHost(), actualPort()))
        .map(ignored -> (SlackerServer) this)
        .recover(failure -> close().transform(ignored -> Future.failedFuture(failure)));
  }

  /**
   * Servers on the same port share one socket and Vert.x spreads new connections across them.
   * Vert.x shares a random port only among servers that ask for the same negative number: the
   * instances of one deployment share one, any other server takes a number of its own.
   */
  private static int randomPortGroup(Context caller) {
    Object deployment = caller instanceof ContextInternal context && context.unwrap().isDeployment()
        ? context.unwrap().deployment() : null;
    if (deployment == null) {
      return RANDOM_PORT_GROUPS.incrementAndGet();
    }
    synchronized (DEPLOYMENT_PORT_GROUPS) {
      return DEPLOYMENT_PORT_GROUPS.computeIfAbsent(deployment, d -> RANDOM_PORT_GROUPS.incrementAndGet());
    }
  }

  /** One of the server's own event loops, for a server that listens outside an event loop. */
  private final class Listener extends VerticleBase {
    private final int port;

    Listener(int port) {
      this.port = port;
    }

    @Override
    public Future<?> start() {
      return listenOn((ContextInternal) context, port);
    }
  }

  /**
   * A Vert.x server on {@code context}. It is untied from the context's close hooks: the Slacker
   * server stops it, gracefully, when its own owner (a verticle, or the caller) stops.
   */
  private Future<Void> listenOn(ContextInternal context, int port) {
    NetServer server = vertx.createNetServer(ServerTls.apply(options, new NetServerOptions()
        .setHost(options.getHost())
        .setPort(port)
        .setTcpNoDelay(true)));
    server.connectHandler(socket -> {
      if (connections.tryOpen(socket)) {
        new ServerConnection(this, socket, context).start();
      }
    });
    // Failures before a connection is handed over: a TLS handshake refused (wrong CA, no client certificate, plain TCP).
    server.exceptionHandler(e -> LOG.debug("a connection to " + options.getHost() + ":"
        + actualPort() + " failed before it was accepted: " + e));
    netServers.add(server);
    Promise<Void> bound = context.promise();
    context.emit(v -> server.listen().onComplete(ar -> {
      context.removeCloseHook((Closeable) server);
      bound.handle(ar.mapEmpty());
    }));
    return bound.future();
  }

  @Override
  public Future<Void> updateSSLOptions(ServerSSLOptions sslOptions) {
    if (!options.isSsl()) {
      return Future.failedFuture(new IllegalStateException("this server does not use TLS: set SlackerServerOptions.setSsl(true)"));
    }
    try {
      ServerTls.requireKeyCert(sslOptions);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Future<Void> bound;
    synchronized (this) {
      bound = listening;
    }
    if (bound == null) {
      return Future.failedFuture(new IllegalStateException("the server is not listening yet: put the first TLS options in SlackerServerOptions"));
    }
    ServerSSLOptions copy = sslOptions.copy();
    // Servers sharing a port share one TLS context, each update reaches them all; forced, so that rewritten files are read again.
    return bound.compose(v -> Future.all(netServers.stream().map(server -> server.updateSSLOptions(copy, true)).toList()))
        .mapEmpty();
  }

  @Override
  public ServerMembership membership() {
    if (publisher == null) {
      throw new IllegalStateException("this server has no discovery: create it with SlackerServer.create(vertx, options, discovery)");
    }
    return publisher;
  }

  @Override
  public int actualPort() {
    return netServers.isEmpty() ? -1 : netServers.get(0).actualPort();
  }

  @Override
  public Future<Void> shutdown() {
    return shutdown(options.getShutdownTimeoutMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public Future<Void> shutdown(long timeout, TimeUnit unit) {
    return stop(() -> {
      if (publisher == null) {
        return drainAndClose(timeout, unit);
      }
      Future<Void> withdrawn = publisher.withdraw().otherwiseEmpty();
      long grace = publisher.withdrawGraceMillis();
      Future<Void> seen = grace == 0 ? withdrawn : withdrawn.compose(v -> vertx.timer(grace).<Void>mapEmpty());
      return seen.compose(v -> drainAndClose(timeout, unit));
    });
  }

  @Override
  public Future<Void> close() {
    return stop(() -> {
      Future<Void> withdrawn = publisher == null ? Future.succeededFuture() : publisher.withdraw().otherwiseEmpty();
      return Future.join(withdrawn, drainAndClose(0, TimeUnit.MILLISECONDS)).mapEmpty();
    });
  }

  /** Stops once: a second shutdown or close gets the first one's future. */
  private synchronized Future<Void> stop(Supplier<Future<Void>> how) {
    if (stopped == null) {
      scope.release();
      state = ServerState.DRAINING;
      stopped = how.get().andThen(ignored -> state = ServerState.CLOSED);
    }
    return stopped;
  }

  /** The sockets are bound; a stop that began meanwhile keeps its own state. */
  private synchronized void bound() {
    if (state == ServerState.CREATED) {
      state = ServerState.LISTENING;
    }
  }

  @Override
  public ServerState state() {
    return state;
  }

  /**
   * Vert.x stops accepting, calls each connection's shutdown handler (goaway, then drain) and
   * closes whatever is still open when the timeout ends; then the listeners, if any, go.
   */
  private Future<Void> drainAndClose(long timeout, TimeUnit unit) {
    stopping = true;
    Future<Void> bound;
    synchronized (this) {
      bound = listening == null ? Future.succeededFuture() : listening;
    }
    return bound.transform(ignored -> Future.join(netServers.stream().map(server -> server.shutdown(timeout, unit)).toList()))
        .transform(ignored -> listenersDeployment == null ? Future.succeededFuture() : vertx.undeploy(listenersDeployment))
        .<Void>mapEmpty()
        .eventually(blockingExecutor::close)
        .andThen(v -> {
          if (metrics != null) {
            metrics.close();
          }
        });
  }

  /** @return the incarnation this server registered with in discovery, told to clients in HELLO; {@code null} for none */
  String incarnation() {
    return publisher == null ? null : publisher.incarnation();
  }

  /** @return the term this server leads {@code service} in now, 0 when it does not (or has no discovery) */
  long leaderTerm(String service) {
    return publisher == null ? 0 : publisher.leaderTerm(service);
  }

  /** @return where calls are measured; {@code null} when nothing is */
  RpcServerMetrics metrics() {
    return metrics;
  }

  /** A new connection's budget, within the server's. */
  ConnectionCount connections() {
    return connections;
  }

  ConnectionMemoryBudget connectionMemory() {
    return new ConnectionMemoryBudget(memory, options.getLimits().getMaxConnectionMemory(),
        options.getLimits().getRequestMemoryFactor());
  }

  MetadataLimits metadataLimits() {
    return metadataLimits;
  }

  boolean isStopping() {
    return stopping;
  }

  Vertx vertx() {
    return vertx;
  }

  SlackerServerOptions options() {
    return options;
  }

  ServiceRegistry registry() {
    return registry;
  }

  List<ServerInterceptor> interceptors() {
    return interceptors;
  }

  BlockingExecutor blockingExecutor() {
    return blockingExecutor;
  }
}
