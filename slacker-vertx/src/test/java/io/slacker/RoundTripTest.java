package io.slacker;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.EchoServices;
import io.slacker.test.EchoServices.User;
import io.slacker.test.TestVertx;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class RoundTripTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private Vertx vertx;
  private SlackerServer server;
  private SlackerClient client;
  private SocketAddress address;
  private final EchoServices service = new EchoServices();

  @BeforeEach
  void start() throws Exception {
    vertx = TestVertx.create();
    server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(service.definition());
    server.listen().await(10, TimeUnit.SECONDS);
    address = SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
    client = SlackerClient.create(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    client.close().await(10, TimeUnit.SECONDS);
    server.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private CallOptions to(String serialization) {
    return new CallOptions().setServer(address).setSerialization(serialization);
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void callsRoundTripInEverySerialization(String serialization) throws Exception {
    assertEquals("héllo ✓", client.<String>call(EchoServices.ECHO, new Object[]{"héllo ✓"}, to(serialization)).await(5, TimeUnit.SECONDS));
    assertEquals(5, client.<Integer>call(EchoServices.ADD, new Object[]{2, 3}, to(serialization)).await(5, TimeUnit.SECONDS));
    User renamed = client.<User>call(EchoServices.RENAME, new Object[]{new User(7, "a", List.of("x", "y")), "b"},
        to(serialization)).await(5, TimeUnit.SECONDS);
    assertEquals(new User(7, "b", List.of("x", "y")), renamed);
    assertEquals(null, client.<String>call(EchoServices.ECHO, new Object[]{null}, to(serialization)).await(5, TimeUnit.SECONDS));
  }

  @Test
  void genericCallsByNameNeedNoDescriptor() throws Exception {
    String echoed = client.call(address, EchoServices.NAME, "echo", List.of("by name"), String.class, new CallOptions())
        .await(5, TimeUnit.SECONDS);
    assertEquals("by name", echoed);
    Integer sum = client.call(address, EchoServices.NAME, "add", List.of(40, 2), Integer.class, new CallOptions())
        .await(5, TimeUnit.SECONDS);
    assertEquals(42, sum);
  }

  @Test
  void resultsCompleteOnTheCallersContext() throws Exception {
    Context callerContext = vertx.getOrCreateContext();
    CompletableFuture<Context> seen = new CompletableFuture<>();
    callerContext.runOnContext(v -> client.call(EchoServices.ECHO, new Object[]{"ctx"}, to("smile"))
        .onComplete(ar -> seen.complete(Vertx.currentContext())));
    assertSame(callerContext, seen.get(5, TimeUnit.SECONDS));
  }

  @Test
  void metadataTravelsWithTheCall() throws Exception {
    CallOptions options = to("json").putMetadata("caller", "billing-service");
    assertEquals("billing-service", client.<String>call(EchoServices.METADATA, new Object[]{"caller"}, options)
        .await(5, TimeUnit.SECONDS));
  }

  @Test
  void oneWayCallsSendNoResponse() throws Exception {
    client.call(EchoServices.NOTIFY, new Object[]{"ping"}, to("smile")).await(5, TimeUnit.SECONDS);
    long deadline = System.currentTimeMillis() + 5_000;
    while (service.notifications.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(List.of("ping"), service.notifications);
  }

  @Test
  void blockingMethodsRunOnWorkers() throws Exception {
    assertEquals(300L, client.<Long>call(EchoServices.SLEEP, new Object[]{300L}, to("json")).await(5, TimeUnit.SECONDS));
  }

  @Test
  void manyCallsInFlightOnOneConnection() throws Exception {
    List<Future<String>> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 500; i++) {
      calls.add(client.call(EchoServices.ECHO, new Object[]{"m" + i}, to("smile")));
    }
    Future.all(calls).await(10, TimeUnit.SECONDS);
    for (int i = 0; i < 500; i++) {
      assertEquals("m" + i, calls.get(i).result());
    }
  }
}
