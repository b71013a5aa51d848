package io.slacker.web;

import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.slacker.testing.EmbeddedZookeeper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A gateway with no fixed server: calls routed, and services listed, through a real ZooKeeper. */
class GatewayDiscoveryTest {

  private static EmbeddedZookeeper zookeeper;

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private final Vertx vertx = TestVertx.create();
  private ZookeeperDiscovery serverDiscovery;
  private ZookeeperDiscovery gatewayDiscovery;
  private SlackerServer server;
  private GatewayFixture gateway;

  @BeforeAll
  static void startZookeeper() throws Exception {
    zookeeper = EmbeddedZookeeper.start();
  }

  @AfterAll
  static void stopZookeeper() throws Exception {
    zookeeper.close();
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
    server.close().await(10, TimeUnit.SECONDS);
    gatewayDiscovery.close().await(10, TimeUnit.SECONDS);
    serverDiscovery.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void callsAndListsThroughZookeeper() throws Exception {
    serverDiscovery = ZookeeperDiscovery.create(vertx, zookeeper.discoveryOptions());
    server = GatewayFixture.startServer(SlackerServer.create(vertx,
        new SlackerServerOptions().setHost("127.0.0.1").setPort(0).setEventLoops(1), serverDiscovery), new ShopImpl(vertx));
    gatewayDiscovery = ZookeeperDiscovery.create(vertx, zookeeper.discoveryOptions());
    GatewayVerticle verticle = new GatewayVerticle(new SlackerGatewayOptions(), gatewayDiscovery);
    vertx.deployVerticle(verticle).await(10, TimeUnit.SECONDS);
    gateway = GatewayFixture.client(vertx, verticle.port());

    awaitListed(List.of("test.Failing", "test.Shop"));
    HttpResponse<Buffer> byPosition = gateway.call("/test.Shop/subtract", "[10, 3]");
    assertEquals(200, byPosition.statusCode(), byPosition.bodyAsString());
    assertEquals("7", byPosition.bodyAsString());
    HttpResponse<Buffer> byName = gateway.call("/test.Shop/subtract", "{\"subtrahend\": 3, \"minuend\": 10}");
    assertEquals(200, byName.statusCode(), byName.bodyAsString());
    assertEquals("7", byName.bodyAsString());

    JsonArray services = gateway.get("/").bodyAsJsonObject().getJsonArray("services");
    JsonObject shop = services.getJsonObject(1);
    JsonObject subtract = shop.getJsonArray("methods").stream().map(JsonObject.class::cast)
        .filter(method -> method.getString("name").equals("subtract")).findFirst().orElseThrow();
    assertEquals(List.of("minuend", "subtrahend"), subtract.getJsonArray("parameters").stream()
        .map(parameter -> ((JsonObject) parameter).getString("name")).toList());
  }

  /** The server registers after it listens: wait, within bounds, until ZooKeeper lists its services. */
  private void awaitListed(List<String> expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<String> listed = List.of();
    while (System.nanoTime() < deadline) {
      HttpResponse<Buffer> response = gateway.get("/");
      if (response.statusCode() == 200) {
        listed = response.bodyAsJsonObject().getJsonArray("services").stream()
            .map(service -> ((JsonObject) service).getString("name")).toList();
        if (listed.equals(expected)) {
          return;
        }
      }
      Thread.sleep(50);
    }
    assertEquals(expected, listed);
  }
}
