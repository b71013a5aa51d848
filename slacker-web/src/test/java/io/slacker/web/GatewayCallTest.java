package io.slacker.web;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls through the gateway to a fixed server: arguments, results, headers, and the service list. */
class GatewayCallTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private final Vertx vertx = TestVertx.create();
  private GatewayFixture gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = GatewayFixture.start(vertx, new SlackerGatewayOptions());
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void argumentsAsAnArrayInOrder() throws Exception {
    HttpResponse<Buffer> response = gateway.call("/test.Shop/subtract", "[10, 3]");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("application/json", response.getHeader("Content-Type"));
    assertEquals("7", response.bodyAsString());
  }

  @Test
  void argumentsByNameAreReorderedByTheParameterNames() throws Exception {
    HttpResponse<Buffer> response = gateway.call("/test.Shop/subtract", "{\"subtrahend\": 3, \"minuend\": 10}");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("7", response.bodyAsString());
  }

  @Test
  void unknownAndMissingNamesAreNamed() throws Exception {
    JsonObject error = GatewayFixture.error(
        gateway.call("/test.Shop/subtract", "{\"minuend\": 10, \"amount\": 3}"), 400);
    assertEquals("BAD_REQUEST", error.getString("code"));
    assertEquals("test.Shop.subtract takes [minuend, subtrahend]: unknown parameters [amount], "
        + "missing parameters [subtrahend]", error.getString("message"));
    assertNull(error.getString("remoteClass"));
    gateway.assertServes();
  }

  @Test
  void argumentsByNameOfAnUnknownMethodAre404() throws Exception {
    JsonObject error = GatewayFixture.error(gateway.call("/test.Shop/refund", "{\"sku\": \"A-1\"}"), 404);
    assertEquals("NOT_FOUND", error.getString("code"));
    assertEquals("service 'test.Shop' has no method 'refund'", error.getString("message"));
  }

  @Test
  void voidIsNull() throws Exception {
    HttpResponse<Buffer> response = gateway.call("/test.Shop/reset", "[]");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("null", response.bodyAsString());
  }

  @Test
  void aOneWayMethodIsAnsweredOnceItRan() throws Exception {
    HttpResponse<Buffer> response = gateway.await(gateway.post("/test.Shop/audit", "[\"checked\"]",
        MultiMap.caseInsensitiveMultiMap().add(SlackerGateway.TIMEOUT_HEADER, "2s")));
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("null", response.bodyAsString());
    assertEquals(List.of("checked"), gateway.shop.audited);
  }

  @Test
  void decimalsKeepEveryDigit() throws Exception {
    HttpResponse<Buffer> response = gateway.call("/test.Shop/total", "[[12345678901234567.10, 0.000000000000000001]]");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("12345678901234567.100000000000000001", response.bodyAsString());
  }

  @Test
  void datesAreIsoTextAndBytesBase64() throws Exception {
    HttpResponse<Buffer> response = gateway.call("/test.Shop/receipt", "[\"A-1\"]");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(new JsonObject()
        .put("sku", "A-1")
        .put("day", "2026-11-30")
        .put("signature", Base64.getEncoder().encodeToString(ShopImpl.SIGNATURE)), response.bodyAsJsonObject());
  }

  @Test
  void timeoutAndMetadataHeadersReachTheServer() throws Exception {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add(SlackerGateway.TIMEOUT_HEADER, "2s")
        .add("X-Slacker-Meta-Caller", "billing")
        .add("x-slacker-meta-Trace-Id", "abc")
        .add("Authorization", "Bearer t0ken");
    JsonObject info = callInfo(headers);
    assertEquals(2_000, info.getLong("timeoutMillis"));
    assertEquals(new JsonObject().put("caller", "billing").put("trace-id", "abc").put("slacker-token", "t0ken"),
        info.getJsonObject("metadata"));
  }

  @Test
  void timeoutHeaderForms() throws Exception {
    assertEquals(500, callInfo(MultiMap.caseInsensitiveMultiMap().add(SlackerGateway.TIMEOUT_HEADER, "500ms"))
        .getLong("timeoutMillis"));
    assertEquals(750, callInfo(MultiMap.caseInsensitiveMultiMap().add(SlackerGateway.TIMEOUT_HEADER, "750"))
        .getLong("timeoutMillis"));
    assertEquals(60_000, callInfo(MultiMap.caseInsensitiveMultiMap().add(SlackerGateway.TIMEOUT_HEADER, "1m"))
        .getLong("timeoutMillis"));
  }

  @Test
  void theDefaultTimeoutAppliesWithoutAHeader() throws Exception {
    try (GatewayFixture withDefault = GatewayFixture.start(vertx, new SlackerGatewayOptions().setDefaultTimeoutMillis(3_000))) {
      HttpResponse<Buffer> response = withDefault.call("/test.Shop/callInfo", "[]");
      assertEquals(200, response.statusCode(), response.bodyAsString());
      assertEquals(3_000, response.bodyAsJsonObject().getLong("timeoutMillis"));
    }
  }

  @Test
  void listsTheServicesWithTheirMethods() throws Exception {
    HttpResponse<Buffer> response = gateway.get("/");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonArray services = response.bodyAsJsonObject().getJsonArray("services");
    assertEquals(2, services.size(), services.encodePrettily());
    assertEquals("test.Failing", services.getJsonObject(0).getString("name"));
    JsonObject shop = services.getJsonObject(1);
    assertEquals("test.Shop", shop.getString("name"));
    JsonObject subtract = shop.getJsonArray("methods").stream().map(JsonObject.class::cast)
        .filter(method -> method.getString("name").equals("subtract")).findFirst().orElseThrow();
    JsonArray parameters = subtract.getJsonArray("parameters");
    assertEquals("minuend", parameters.getJsonObject(0).getString("name"));
    assertEquals("subtrahend", parameters.getJsonObject(1).getString("name"));
    assertEquals("integer", parameters.getJsonObject(0).getJsonObject("type").getString("type"));
    assertEquals("integer", subtract.getJsonObject("result").getString("type"));
    JsonObject receipt = shop.getJsonArray("methods").stream().map(JsonObject.class::cast)
        .filter(method -> method.getString("name").equals("receipt")).findFirst().orElseThrow();
    assertTrue(receipt.getJsonObject("result").containsKey("$ref"), receipt.encode());
    assertTrue(shop.getJsonObject("definitions").containsKey(Receipt.class.getName()), shop.encode());
  }

  @Test
  void theListIsAGet() throws Exception {
    HttpResponse<Buffer> response = gateway.call("/", "[]");
    assertEquals("POST is not allowed here: GET / lists the services", GatewayFixture.error(response, 405).getString("message"));
    assertEquals("GET", response.getHeader("Allow"));
  }

  /** Calls go through the client's own discovery, which gives no list of services. */
  @Test
  void withNeitherAServerNorAListingDiscoveryThereIsNoList() throws Exception {
    GatewayVerticle unlisted = new GatewayVerticle(new SlackerGatewayOptions(), null);
    vertx.deployVerticle(unlisted).await(10, TimeUnit.SECONDS);
    try (GatewayFixture client = GatewayFixture.client(vertx, unlisted.port())) {
      JsonObject error = GatewayFixture.error(client.get("/"), 501);
      assertEquals("this gateway cannot list services: give it a fixed server or a discovery that lists its services",
          error.getString("message"));
    }
  }

  private JsonObject callInfo(MultiMap headers) throws Exception {
    HttpResponse<Buffer> response = gateway.await(gateway.post("/test.Shop/callInfo", "[]", headers));
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }
}
