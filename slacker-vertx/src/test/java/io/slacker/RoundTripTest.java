package io.slacker;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.EchoServices;
import io.slacker.test.EchoServices.User;
import io.slacker.test.TestVertx;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.slacker.cluster.StaticDiscovery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
  void byNameTheFirstOverloadTheArgumentsDecodeIntoIsCalled() throws Exception {
    MethodDescriptor pickInt = MethodDescriptor.builder("test.Overloads", "pick").parameterTypes(int.class)
        .returnType(String.class).build();
    MethodDescriptor pickString = MethodDescriptor.builder("test.Overloads", "pick").parameterTypes(String.class)
        .returnType(String.class).build();
    server.register(ServiceDefinition.builder("test.Overloads")
        .method(pickInt, args -> Future.succeededFuture("int"))
        .method(pickString, args -> Future.succeededFuture("string"))
        .build());
    CallOptions json = new CallOptions().setSerialization("json");
    assertEquals("int", client.call(address, "test.Overloads", "pick", List.of(7), String.class, json)
        .await(5, TimeUnit.SECONDS));
    // Same count of arguments, but "text" is no int: the next overload takes it.
    assertEquals("string", client.call(address, "test.Overloads", "pick", List.of("text"), String.class, json)
        .await(5, TimeUnit.SECONDS));
  }

  @Test
  void aNullServerMeansTheOptionsServerOrElseDiscovery() throws Exception {
    assertEquals("options", client.call(null, EchoServices.NAME, "echo", List.of("options"), String.class, to("json"))
        .await(5, TimeUnit.SECONDS));
    Future<String> nowhere = client.call(null, EchoServices.NAME, "echo", List.of("x"), String.class, new CallOptions());
    SlackerException noServer = (SlackerException) assertThrows(Exception.class, () -> nowhere.await(5, TimeUnit.SECONDS));
    assertEquals(StatusCode.UNAVAILABLE, noServer.code());

    SlackerClient routed = SlackerClient.create(vertx, new SlackerClientOptions(), StaticDiscovery.create(vertx,
        new JsonObject().put(EchoServices.NAME, new JsonArray().add("127.0.0.1:" + server.actualPort()))));
    try {
      assertEquals("discovered", routed.call(null, EchoServices.NAME, "echo", List.of("discovered"), String.class,
          new CallOptions()).await(5, TimeUnit.SECONDS));
    } finally {
      routed.close().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void binaryMetadataTravelsAsBytes() throws Exception {
    byte[] notUtf8 = {(byte) 0xff, 0, (byte) 0xfe};
    CompletableFuture<byte[]> seen = new CompletableFuture<>();
    server.addInterceptor((call, next) -> {
      seen.complete(call.metadata().getBytes("trace-bin"));
      return next.proceed();
    });
    CallOptions options = to("smile").setMetadata(new CallMetadata().putBytes("trace-bin", notUtf8));
    client.call(EchoServices.ECHO, new Object[]{"x"}, options).await(5, TimeUnit.SECONDS);
    assertArrayEquals(notUtf8, seen.get(5, TimeUnit.SECONDS));
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
  void aOneWayCallRunsBeforeTheSameClientsLaterCallToThatServer() throws Exception {
    for (int i = 0; i < 50; i++) {
      client.call(EchoServices.NOTIFY, new Object[]{"n" + i}, to("smile"));
      client.call(EchoServices.ECHO, new Object[]{"after"}, to("smile")).await(5, TimeUnit.SECONDS);
      assertEquals("n" + i, service.notifications.get(i), "the one-way call ran first");
    }
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
