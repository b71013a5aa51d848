package io.slacker.benchmarks.grpc;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadServer;

import java.io.File;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * gRPC-java over Netty. Handlers never block, so they run on the transport's threads
 * (directExecutor), as gRPC's performance advice says. With TLS, gRPC's own defaults: the
 * BoringSSL that grpc-netty-shaded bundles, the JDK's where that cannot load.
 */
public final class GrpcServer implements WorkloadServer {

  private final boolean tls;
  private Server server;

  public GrpcServer() {
    this(false);
  }

  public GrpcServer(boolean tls) {
    this.tls = tls;
  }

  @Override
  public int start(Settings settings) throws Exception {
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0));
    if (tls) {
      builder.sslContext(GrpcSslContexts.forServer(new File(settings.get("tlsCert")), new File(settings.get("tlsKey"))).build());
    }
    server = builder
        .directExecutor()
        .addService(new GrpcUserService())
        .build()
        .start();
    return server.getPort();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
