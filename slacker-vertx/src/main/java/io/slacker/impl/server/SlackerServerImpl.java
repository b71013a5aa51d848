package io.slacker.impl.server;

import io.slacker.ServiceDefinition;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.impl.codegen.ServiceBindings;
import io.slacker.spi.ServerInterceptor;
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
  private volatile NetServer netServer;

  public SlackerServerImpl(Vertx vertx, SlackerServerOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.blockingExecutor = new BlockingExecutor(
        vertx.createSharedWorkerExecutor("slacker-blocking-" + System.identityHashCode(this), options.getBlockingPoolSize()),
        options.getBlockingQueueSize());
  }

  @Override
  public SlackerServer register(ServiceDefinition service) {
    registry.add(service);
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
    return server.listen().map(this);
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
    NetServer server = netServer;
    // Vert.x stops accepting, calls each connection's shutdown handler (goaway, then drain)
    // and closes whatever is still open when the timeout ends.
    Future<Void> stopped = server == null ? Future.succeededFuture() : server.shutdown(timeout, unit);
    return stopped.eventually(blockingExecutor::close);
  }

  @Override
  public Future<Void> close() {
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
