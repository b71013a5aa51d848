package io.slacker.verticle;

import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerClient;
import io.slacker.SlackerException;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.SlackerServerVerticle;
import io.slacker.StatusCode;
import io.slacker.cluster.Who;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Servers and clients created in a verticle run on its context and close with it, as Vert.x's own do. */
@ExtendWith(VertxExtension.class)
class VerticleModelTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  static final String SERVICE = "test.Where";
  static final MethodDescriptor WHERE = MethodDescriptor.builder(SERVICE, "where").returnType(Integer.class).build();
  static final MethodDescriptor NEVER = MethodDescriptor.builder(SERVICE, "never").returnType(String.class).build();

  private final Vertx vertx = TestVertx.create();

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** Publishes {@link #SERVICE}; its method records the context it runs on and counts calls with plain fields. */
  static final class WhereVerticle extends VerticleBase {
    final Set<Context> seen = ConcurrentHashMap.newKeySet();
    private int calls;
    volatile Context own;
    SlackerServer server;

    @Override
    public Future<?> start() {
      own = context;
      server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
          .register(ServiceDefinition.builder(SERVICE)
              .method(WHERE, args -> {
                seen.add(Vertx.currentContext());
                return Future.succeededFuture(++calls);
              })
              .method(NEVER, args -> Promise.promise().future())
              .build());
      return server.listen();
    }
  }

  @Test
  void aServiceRegisteredInAVerticleSeesEveryCallOnItsContext(VertxTestContext test) throws Throwable {
    WhereVerticle verticle = new WhereVerticle();
    vertx.deployVerticle(verticle).await(10, TimeUnit.SECONDS);
    SocketAddress address = SocketAddress.inetSocketAddress(verticle.server.actualPort(), "127.0.0.1");
    List<SlackerClient> clients = new ArrayList<>();
    List<Future<Integer>> calls = new ArrayList<>();
    for (int c = 0; c < 6; c++) {
      SlackerClient client = SlackerClient.create(vertx);
      clients.add(client);
      for (int i = 0; i < 50; i++) {
        calls.add(client.call(WHERE, new Object[0], new CallOptions().setServer(address)));
      }
    }
    Future.all(calls).onComplete(test.succeeding(done -> test.verify(() -> {
      assertEquals(Set.of(verticle.own), verticle.seen, "every call ran on the verticle's context");
      List<Integer> counts = new ArrayList<>();
      calls.forEach(f -> counts.add(f.result()));
      assertEquals(300, counts.stream().distinct().count(), "a plain counter saw no race");
      test.completeNow();
    })));
    assertTrue(test.awaitCompletion(10, TimeUnit.SECONDS));
    if (test.failed()) {
      throw test.causeOfFailure();
    }
    for (SlackerClient client : clients) {
      client.close().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void undeployingTheVerticleClosesItsServerAndItsClient(VertxTestContext test) throws Throwable {
    WhereVerticle serving = new WhereVerticle();
    String servingId = vertx.deployVerticle(serving).await(10, TimeUnit.SECONDS);
    SocketAddress address = SocketAddress.inetSocketAddress(serving.server.actualPort(), "127.0.0.1");
    AtomicInteger pendingFailedUnavailable = new AtomicInteger();
    Promise<Void> pendingFailed = Promise.promise();
    String callingId = vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        SlackerClient client = SlackerClient.create(vertx);
        client.call(NEVER, new Object[0], new CallOptions().setServer(address).setTimeoutMillis(60_000))
            .onFailure(failure -> {
              if (failure instanceof SlackerException e && e.code() == StatusCode.UNAVAILABLE) {
                pendingFailedUnavailable.incrementAndGet();
              }
              pendingFailed.tryComplete();
            });
        return client.call(WHERE, new Object[0], new CallOptions().setServer(address));
      }
    }).await(10, TimeUnit.SECONDS);

    vertx.undeploy(callingId).await(10, TimeUnit.SECONDS);
    pendingFailed.future().await(5, TimeUnit.SECONDS);
    assertEquals(1, pendingFailedUnavailable.get(), "the undeployed client failed its pending call with UNAVAILABLE");

    vertx.undeploy(servingId).await(10, TimeUnit.SECONDS);
    SlackerClient outside = SlackerClient.create(vertx);
    Throwable refused = assertThrowsOn(outside.call(WHERE, new Object[0], new CallOptions().setServer(address)));
    assertEquals(StatusCode.UNAVAILABLE, assertInstanceOf(SlackerException.class, refused).code());
    outside.close().await(5, TimeUnit.SECONDS);
    test.completeNow();
  }

  @Test
  void theServerVerticleRunsTheServicesItsConfigNamesAndNamesAWrongKey(VertxTestContext test) throws Throwable {
    JsonObject config = new JsonObject()
        .put("server", new JsonObject().put("host", "127.0.0.1").put("port", 0))
        .put("services", new JsonArray().add(Who.Impl.class.getName()));
    SlackerServerVerticle verticle = new SlackerServerVerticle();
    vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)).await(10, TimeUnit.SECONDS);
    SlackerClient client = SlackerClient.create(vertx);
    Who who = client.proxy(Who.class, new CallOptions().setServer(SocketAddress.inetSocketAddress(verticle.actualPort(), "127.0.0.1")));
    assertEquals("unknown", who.name().await(5, TimeUnit.SECONDS), "Who.Impl, made with its Vertx constructor, answered");
    client.close().await(5, TimeUnit.SECONDS);

    Throwable wrongType = assertThrowsOn(vertx.deployVerticle(new SlackerServerVerticle(), new DeploymentOptions()
        .setConfig(config.copy().put("server", new JsonObject().put("port", "2104")))));
    assertEquals("server.port must be an integer, got \"2104\"", wrongType.getMessage());
    Throwable unbound = assertThrowsOn(vertx.deployVerticle(new SlackerServerVerticle(), new DeploymentOptions()
        .setConfig(config.copy().put("services", new JsonArray().add(String.class.getName())))));
    assertEquals("services: java.lang.String implements no interface with a generated Slacker binding"
        + " (annotate the interface with @SlackerService)", unbound.getMessage());
    test.completeNow();
  }

  private static Throwable assertThrowsOn(Future<?> future) {
    try {
      future.await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("expected a failure, got " + future.result());
  }
}
