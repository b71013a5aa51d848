package io.slacker.impl.server;

import io.slacker.ServiceDefinition;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.cluster.ServerMembership;
import io.slacker.cluster.impl.ServerPublisher;
import io.slacker.impl.codegen.ServiceBindings;
import io.slacker.impl.serialization.Serializers;
import io.slacker.spi.ServerInterceptor;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

public final class SlackerServerImpl implements SlackerServer {

  private static final AtomicInteger RANDOM_PORT_GROUPS = new AtomicInteger();

  private final Vertx vertx;
  private final SlackerServerOptions options;
  private final ServiceRegistry registry = new ServiceRegistry();
  private final List<ServerInterceptor> interceptors = new CopyOnWriteArrayList<>();
  private final BlockingExecutor blockingExecutor;
  private final List<NetServer> netServers = new CopyOnWriteArrayList<>();
  /** Publishes the server in discovery; {@code null} for a server created without one. */
  private final ServerPublisher publisher;
  /** Set when the listeners start to stop: a connection accepted from then on is told GOAWAY at once. */
  private volatile boolean stopping;
  /** Completes once listen()'s sockets are bound or failed: Vert.x cannot close a server still binding. */
  private volatile Future<?> binding = Future.succeededFuture();

  public SlackerServerImpl(Vertx vertx, SlackerServerOptions options, ServiceDiscovery discovery) {
    this.vertx = vertx;
    this.options = options;
    this.publisher = discovery == null ? null : new ServerPublisher(discovery, options.getCluster());
    this.blockingExecutor = new BlockingExecutor(
        vertx.createSharedWorkerExecutor("slacker-blocking-" + System.identityHashCode(this), options.getBlockingPoolSize()),
        options.getBlockingQueueSize());
  }

  @Override
  public SlackerServer register(ServiceDefinition service) {
    registry.add(service);
    service.methods().forEach(method -> Serializers.get().prepare(method.descriptor()));
    if (publisher != null) {
      publisher.serviceAdded(service.name());
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
  public synchronized Future<SlackerServer> listen() {
    if (!netServers.isEmpty()) {
      return Future.failedFuture(new IllegalStateException("server is already listening"));
    }
    // Servers on the same port share one socket and Vert.x spreads new connections across
    // them, each on its own event loop. Vert.x shares a random port only among servers that
    // ask for the same negative number, so each Slacker server takes a number of its own.
    int port = options.getPort() == 0 ? -RANDOM_PORT_GROUPS.incrementAndGet() : options.getPort();
    List<Future<Void>> bound = new ArrayList<>();
    for (int i = 0; i < options.getEventLoops(); i++) {
      bound.add(listenOn(port));
    }
    binding = Future.join(bound);
    return Future.all(bound)
        .compose(ignored -> stopping
            ? Future.<Void>failedFuture(new IllegalStateException("the server was closed while it started listening"))
            : publisher == null ? Future.<Void>succeededFuture() : publisher.start(options.getHost(), actualPort()))
        .map(ignored -> (SlackerServer) this)
        .recover(failure -> close().transform(ignored -> Future.failedFuture(failure)));
  }

  @Override
  public ServerMembership membership() {
    if (publisher == null) {
      throw new IllegalStateException("this server has no discovery: create it with SlackerServer.create(vertx, options, discovery)");
    }
    return publisher;
  }

  private Future<Void> listenOn(int port) {
    ContextInternal context = ((VertxInternal) vertx).createEventLoopContext();
    Promise<Void> bound = context.promise();
    context.runOnContext(v -> {
      NetServer server = vertx.createNetServer(new NetServerOptions()
          .setHost(options.getHost())
          .setPort(port)
          .setTcpNoDelay(true));
      server.connectHandler(socket -> new ServerConnection(this, socket, context).start());
      netServers.add(server);
      server.listen().<Void>mapEmpty().onComplete(bound);
    });
    return bound.future();
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
    if (publisher != null) {
      Future<Void> withdrawn = publisher.withdraw().otherwiseEmpty();
      long grace = publisher.withdrawGraceMillis();
      Future<Void> seen = grace == 0 ? withdrawn : withdrawn.compose(v -> vertx.timer(grace).<Void>mapEmpty());
      return seen.compose(v -> drainAndClose(timeout, unit));
    }
    return drainAndClose(timeout, unit);
  }

  private Future<Void> drainAndClose(long timeout, TimeUnit unit) {
    // Vert.x stops accepting, calls each connection's shutdown handler (goaway, then drain)
    // and closes whatever is still open when the timeout ends.
    stopping = true;
    return binding.transform(ignored -> Future.join(netServers.stream().map(server -> server.shutdown(timeout, unit)).toList()))
        .<Void>mapEmpty()
        .eventually(blockingExecutor::close);
  }

  @Override
  public Future<Void> close() {
    stopping = true;
    Future<Void> withdrawn = publisher == null ? Future.succeededFuture() : publisher.withdraw().otherwiseEmpty();
    Future<Void> closed = binding.transform(ignored -> Future.join(netServers.stream().map(NetServer::close).toList()))
        .<Void>mapEmpty()
        .eventually(blockingExecutor::close);
    return Future.join(withdrawn, closed).mapEmpty();
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
