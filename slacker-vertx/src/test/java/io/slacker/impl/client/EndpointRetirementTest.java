package io.slacker.impl.client;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.EchoServices;
import io.slacker.test.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A client that has called many addresses keeps state only for those it still uses, as pod IPs come and go. */
class EndpointRetirementTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private final Vertx vertx = TestVertx.create();
  private final SlackerClientImpl client = (SlackerClientImpl) SlackerClient.create(vertx, new SlackerClientOptions()
      .setReconnectBackoffInitialMillis(100).setReconnectBackoffMaxMillis(100));

  @AfterEach
  void stop() throws Exception {
    client.close().await(5, TimeUnit.SECONDS);
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  @Test
  void addressesThatRefusedAreForgottenOnceTheirBackoffIsOver() throws Exception {
    List<Socket> holders = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        Socket holder = new Socket();
        holder.bind(new InetSocketAddress("127.0.0.1", 0));
        holders.add(holder);
        SocketAddress dead = SocketAddress.inetSocketAddress(holder.getLocalPort(), "127.0.0.1");
        assertThrows(Exception.class, () -> client.call(EchoServices.ECHO, new Object[]{"x"},
            new CallOptions().setServer(dead)).await(5, TimeUnit.SECONDS));
      }
      awaitEndpoints(0);
    } finally {
      for (Socket holder : holders) {
        holder.close();
      }
    }
  }

  @Test
  void aServerThatWentAwayIsForgotten() throws Exception {
    for (int i = 0; i < 5; i++) {
      SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
          .register(new EchoServices().definition());
      server.listen().await(5, TimeUnit.SECONDS);
      CallOptions options = new CallOptions().setServer(SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1"));
      assertEquals("hi", client.call(EchoServices.ECHO, new Object[]{"hi"}, options).await(5, TimeUnit.SECONDS));
      server.close().await(5, TimeUnit.SECONDS);
    }
    awaitEndpoints(0);
  }

  private void awaitEndpoints(int expected) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5_000;
    while (client.endpointCount() != expected && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(expected, client.endpointCount());
  }
}
