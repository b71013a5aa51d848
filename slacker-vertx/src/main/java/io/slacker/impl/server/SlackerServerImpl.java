package io.slacker.impl.server;

import io.slacker.ServiceDefinition;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.cluster.ServerMembership;
import io.slacker.cluster.impl.ServerPublisher;
import io.slacker.impl.codegen.ServiceBindings;
import io.slacker.spi.ServerInterceptor;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

public final class SlackerServerImpl implements SlackerServer {

  private final Vertx vertx;
  private final SlackerServerOptions options;
  private final ServiceRegistry registry = new ServiceRegistry();
  private final List<ServerInterceptor> interceptors = new CopyOnWriteArrayList<>();
  private final BlockingExecutor blockingExecutor;
  /** Publishes the server in discovery; {@code null} for a server created without one. */
  private final ServerPublisher publisher;
  private volatile NetServer netServer;

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
    if (netServer != null) {
      return Future.failedFuture(new IllegalStateException("server is already listening"));
    }
    NetServer server = vertx.createNetServer(new NetServerOptions()
        .setHost(options.getHost())
        .setPort(options.getPort())
        .setTcpNoDelay(true));
    server.connectHandler(socket -> new ServerConnection(this, socket).start());
    netServer = server;
    Future<NetServer> bound = server.listen();
    return (publisher == null ? bound.mapEmpty() : bound.compose(s -> publisher.start(options.getHost(), s.actualPort())))
        .map(this);
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
    NetServer server = netServer;
    return server == null ? -1 : server.actualPort();
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
    NetServer server = netServer;
    // Vert.x stops accepting, calls each connection's shutdown handler (goaway, then drain)
    // and closes whatever is still open when the timeout ends.
    Future<Void> stopped = server == null ? Future.succeededFuture() : server.shutdown(timeout, unit);
    return stopped.eventually(blockingExecutor::close);
  }

  @Override
  public Future<Void> close() {
    if (publisher != null) {
      publisher.withdraw();
    }
    NetServer server = netServer;
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.eventually(blockingExecutor::close);
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
