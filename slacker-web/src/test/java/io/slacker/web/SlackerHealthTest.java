package io.slacker.web;

import io.slacker.SlackerClient;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.cluster.ClusterServerOptions;
import io.slacker.cluster.StaticDiscovery;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.slacker.testing.EmbeddedZookeeper;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /health} through {@link SlackerHealth}: DOWN (503) while ZooKeeper is lost, while a
 * server drains, while it is offline, and UP (200) again once that is over. The guard fails a
 * test whose checks held an event loop.
 */
class SlackerHealthTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private final Vertx vertx = TestVertx.create();
  private final WebClient web = GatewayFixture.webClient(vertx);
  private final List<Supplier<Future<?>>> closing = new ArrayList<>();
  private EmbeddedZookeeper zookeeper;
  private int httpPort;

  @AfterEach
  void stop() throws Exception {
    web.close();
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).get().await(10, TimeUnit.SECONDS);
    }
    vertx.close().await(10, TimeUnit.SECONDS);
    if (zookeeper != null) {
      zookeeper.close();
    }
  }

  @Test
  void downWhileZookeeperIsLostAndUpOnceItIsBack() throws Exception {
    zookeeper = EmbeddedZookeeper.start();
    ZookeeperDiscovery discovery = ZookeeperDiscovery.create(vertx, zookeeper.discoveryOptions());
    closing.add(discovery::close);
    SlackerServer server = listen(SlackerServer.create(vertx, serverOptions(), discovery));
    HealthChecks checks = HealthChecks.create(vertx);
    SlackerHealth.register(checks, server);
    SlackerHealth.register(checks, discovery);
    serve(checks);

    JsonObject up = awaitHealth(200);
    JsonObject connected = check(up, SlackerHealth.DISCOVERY_CONNECTED);
    assertEquals("CONNECTED", connected.getJsonObject("data").getString("state"));
    assertEquals(zookeeper.connectString(), connected.getJsonObject("data").getString("connectString"));
    assertNotEquals("0x0", connected.getJsonObject("data").getString("sessionId"));
    assertEquals("127.0.0.1:" + server.actualPort(),
        check(up, SlackerHealth.SERVER_REGISTERED).getJsonObject("data").getString("address"));

    zookeeper.stop();
    JsonObject down = awaitHealth(503);
    JsonObject lost = check(down, SlackerHealth.DISCOVERY_CONNECTED);
    assertEquals("DOWN", lost.getString("status"));
    assertTrue(Set.of("SUSPENDED", "LOST").contains(lost.getJsonObject("data").getString("state")), lost.encode());
    JsonObject registered = check(down, SlackerHealth.SERVER_REGISTERED);
    assertEquals("DOWN", registered.getString("status"));
    assertFalse(registered.getJsonObject("data").getBoolean("connected"));
    assertEquals("UP", check(down, SlackerHealth.SERVER_LISTENING).getString("status"), "the server still serves");

    zookeeper.restart();
    JsonObject back = awaitHealth(200);
    assertTrue(Set.of("CONNECTED", "RECONNECTED").contains(
        check(back, SlackerHealth.DISCOVERY_CONNECTED).getJsonObject("data").getString("state")), back.encode());
    assertEquals("UP", check(back, SlackerHealth.SERVER_REGISTERED).getString("status"));
  }

  @Test
  void downWhileTheServerDrainsAndNotListeningOnceClosed() throws Exception {
    Promise<Void> arrived = Promise.promise();
    SlackerServer server = SlackerServer.create(vertx, serverOptions());
    server.addInterceptor((call, next) -> {
      arrived.tryComplete();
      return next.proceed();
    });
    listen(server);
    HealthChecks checks = HealthChecks.create(vertx);
    SlackerHealth.register(checks, server);
    serve(checks);
    JsonObject up = awaitHealth(200);
    assertEquals(List.of(SlackerHealth.SERVER_DRAINING, SlackerHealth.SERVER_LISTENING), ids(up),
        "a server without discovery has no registration to check");

    SlackerClient client = SlackerClient.create(vertx);
    closing.add(client::close);
    // Still running when the shutdown begins, so that the drain lasts.
    Future<String> slow = client.proxy(Shop.class, SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1")).sleep(3_000);
    arrived.future().await(10, TimeUnit.SECONDS);
    Future<Void> stopped = server.shutdown(10, TimeUnit.SECONDS);

    JsonObject draining = awaitHealth(503);
    assertEquals("DOWN", check(draining, SlackerHealth.SERVER_DRAINING).getString("status"));
    assertEquals("DRAINING", check(draining, SlackerHealth.SERVER_DRAINING).getJsonObject("data").getString("state"));
    assertEquals("UP", check(draining, SlackerHealth.SERVER_LISTENING).getString("status"), "its sockets are still open");
    assertFalse(stopped.isComplete(), "the drain waits for the call in flight");

    assertEquals("slept 3000", slow.await(10, TimeUnit.SECONDS));
    stopped.await(10, TimeUnit.SECONDS);
    JsonObject closed = awaitHealth(503);
    JsonObject listening = check(closed, SlackerHealth.SERVER_LISTENING);
    assertEquals("DOWN", listening.getString("status"));
    assertEquals("CLOSED", listening.getJsonObject("data").getString("state"));
  }

  @Test
  void notRegisteredWhileOfflineAndRegisteredOnceOnline() throws Exception {
    StaticDiscovery discovery = StaticDiscovery.create(vertx);
    SlackerServer server = listen(SlackerServer.create(vertx, serverOptions(), discovery));
    HealthChecks checks = HealthChecks.create(vertx);
    SlackerHealth.register(checks, server);
    serve(checks);
    assertEquals("UP", check(awaitHealth(200), SlackerHealth.SERVER_REGISTERED).getString("status"));

    server.membership().offline().await(10, TimeUnit.SECONDS);
    JsonObject offline = check(awaitHealth(503), SlackerHealth.SERVER_REGISTERED);
    assertEquals("DOWN", offline.getString("status"));
    assertFalse(offline.getJsonObject("data").getBoolean("online"));
    assertTrue(offline.getJsonObject("data").getBoolean("connected"), "a static discovery is always connected");

    server.membership().online().await(10, TimeUnit.SECONDS);
    assertEquals("UP", check(awaitHealth(200), SlackerHealth.SERVER_REGISTERED).getString("status"));
  }

  @Test
  void oneProcedureByNameAndTheGatewayNextToTheChecks() throws Exception {
    SlackerServer server = listen(SlackerServer.create(vertx, serverOptions()));
    HealthChecks checks = HealthChecks.create(vertx);
    SlackerHealth.register(checks, server);
    SlackerGatewayOptions options = new SlackerGatewayOptions()
        .setServer(SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1"));
    vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        Router main = Router.router(vertx);
        SlackerHealth.mount(main, checks);
        main.route("/*").subRouter(SlackerGateway.create(vertx, SlackerClient.create(vertx), options).router());
        return vertx.createHttpServer().requestHandler(main).listen(0, "127.0.0.1")
            .onSuccess(http -> httpPort = http.actualPort());
      }
    }).await(10, TimeUnit.SECONDS);

    HttpResponse<Buffer> one = get("/health/" + SlackerHealth.SERVER_LISTENING);
    assertEquals(200, one.statusCode(), one.bodyAsString());
    assertEquals("LISTENING", one.bodyAsJsonObject().getJsonObject("data").getString("state"));
    assertNull(one.bodyAsJsonObject().getJsonArray("checks"), "only the procedure asked for");
    assertEquals(404, get("/health/slacker.server.nothing").statusCode());

    HttpResponse<Buffer> call = web.post(httpPort, "127.0.0.1", "/test.Shop/echo")
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("[\"beside\"]")).await(10, TimeUnit.SECONDS);
    assertEquals(200, call.statusCode(), call.bodyAsString());
    assertEquals("\"beside\"", call.bodyAsString());
    HttpResponse<Buffer> listing = get("/");
    assertEquals(200, listing.statusCode(), listing.bodyAsString());
    assertTrue(listing.bodyAsString().contains("test.Shop"), listing.bodyAsString());
  }

  private static SlackerServerOptions serverOptions() {
    return new SlackerServerOptions().setHost("127.0.0.1").setPort(0).setEventLoops(1)
        .setCluster(new ClusterServerOptions().setWithdrawGraceMillis(100));
  }

  private SlackerServer listen(SlackerServer server) throws Exception {
    closing.add(server::close);
    return GatewayFixture.startServer(server, new ShopImpl(vertx));
  }

  /** Serves {@code checks} on /health of an HTTP server of its own, as an application mounts them. */
  private void serve(HealthChecks checks) throws Exception {
    vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        Router main = Router.router(vertx);
        SlackerHealth.mount(main, checks);
        return vertx.createHttpServer().requestHandler(main).listen(0, "127.0.0.1")
            .onSuccess(http -> httpPort = http.actualPort());
      }
    }).await(10, TimeUnit.SECONDS);
  }

  private HttpResponse<Buffer> get(String path) throws Exception {
    return web.get(httpPort, "127.0.0.1", path).send().await(10, TimeUnit.SECONDS);
  }

  /** Polls {@code GET /health} for at most 10 s until it answers {@code status}. */
  private JsonObject awaitHealth(int status) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    HttpResponse<Buffer> response = get(SlackerHealth.PATH);
    while (response.statusCode() != status && System.nanoTime() < deadline) {
      Thread.sleep(50);
      response = get(SlackerHealth.PATH);
    }
    assertEquals(status, response.statusCode(), response.bodyAsString());
    assertEquals("application/json;charset=UTF-8", response.getHeader("Content-Type"));
    return response.bodyAsJsonObject();
  }

  private static JsonObject check(JsonObject health, String id) {
    return health.getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(check -> check.getString("id").equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no check " + id + " in " + health.encode()));
  }

  private static List<String> ids(JsonObject health) {
    return health.getJsonArray("checks").stream().map(check -> ((JsonObject) check).getString("id")).sorted().toList();
  }
}
