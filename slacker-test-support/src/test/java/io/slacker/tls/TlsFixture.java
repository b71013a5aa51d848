package io.slacker.tls;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.testing.Greeter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.ServerSSLOptions;
import io.vertx.core.net.SocketAddress;

import java.util.concurrent.TimeUnit;

/** Servers and clients of the TLS tests, all on 127.0.0.1, with blocking waits bounded by a timeout. */
final class TlsFixture {

  private TlsFixture() {
  }

  static SlackerServer listen(Vertx vertx, SlackerServerOptions options) throws Exception {
    return await(SlackerServer.create(vertx, options.setHost("127.0.0.1").setPort(0))
        .register(Greeter.class, name -> Future.succeededFuture("Hello, " + name))
        .listen());
  }

  static SlackerServerOptions tlsServer(ServerSSLOptions ssl) {
    return new SlackerServerOptions().setSsl(true).setSslOptions(ssl);
  }

  static SlackerClient tlsClient(Vertx vertx, ClientSSLOptions ssl) {
    return SlackerClient.create(vertx, new SlackerClientOptions().setSsl(true).setSslOptions(ssl)
        .setCallTimeoutMillis(5_000));
  }

  static Future<String> greet(SlackerClient client, SlackerServer server, String name) {
    return client.proxy(Greeter.class, new CallOptions().setServer(address(server))).greet(name);
  }

  static SocketAddress address(SlackerServer server) {
    return SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.await(10, TimeUnit.SECONDS);
  }

  /** The failure of {@code future}, which must fail within 10 s. */
  static Throwable failure(Future<?> future) throws Exception {
    try {
      future.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return future.cause() != null ? future.cause() : e;
    }
    throw new AssertionError("expected a failure, got " + future.result());
  }
}
