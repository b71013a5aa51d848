package io.slacker.benchmarks.grpc;

import io.slacker.benchmarks.grpc.proto.UserServiceGrpcService;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.grpc.server.GrpcServer;

/**
 * Vert.x's own gRPC server (vertx-grpc-server) on a Vert.x HTTP server, with the service the
 * Vert.x protoc plugin generates; handlers run on the event loop, as every system's here do.
 */
public final class VertxGrpcServer implements WorkloadServer {

  /**
   * Vert.x's HTTP/2 server allows 100 streams per connection by default; grpc-java's allows any
   * number, and the 256-in-flight level must not queue in the client's connection pool instead.
   */
  private static final long MAX_CONCURRENT_STREAMS = 1_024;

  private Vertx vertx;

  @Override
  public int start(Settings settings) {
    vertx = Vertx.vertx();
    GrpcServer grpc = GrpcServer.server(vertx).addService(UserServiceGrpcService.of(new VertxGrpcUserService()));
    HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0)
        .setInitialSettings(new Http2Settings().setMaxConcurrentStreams(MAX_CONCURRENT_STREAMS));
    return vertx.createHttpServer(options).requestHandler(grpc).listen().await().actualPort();
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
