package io.slacker.benchmarks.grpc;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadServer;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** gRPC-java over Netty. Handlers never block, so they run on the transport's threads (directExecutor), as gRPC's performance advice says. */
public final class GrpcServer implements WorkloadServer {

  private Server server;

  @Override
  public int start(Settings settings) throws Exception {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
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
