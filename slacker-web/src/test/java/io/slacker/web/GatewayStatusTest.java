package io.slacker.web;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every Slacker status code reaches the HTTP caller as its status, with the JSON error body. */
class GatewayStatusTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private final Vertx vertx = TestVertx.create();
  private GatewayFixture gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = GatewayFixture.start(vertx, new SlackerGatewayOptions().setRetryAfterSeconds(2));
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** The application's codes, as the method fails with them. */
  @Test
  void theMethodsCodes() throws Exception {
    Map<String, Integer> statuses = Map.of(
        "APPLICATION_ERROR", 500,
        "PERMISSION_DENIED", 403,
        "INVALID_ARGUMENT", 400,
        "FAILED_PRECONDITION", 409,
        "ENTITY_NOT_FOUND", 404);
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Integer> expected : statuses.entrySet()) {
      String code = expected.getKey();
      HttpResponse<Buffer> response = gateway.call("/test.Failing/fail", "[\"" + code + "\"]");
      JsonObject error = response.bodyAsJsonObject();
      // A SlackerException is the method's own answer, not a crash: the server names no remote class.
      JsonObject wanted = new JsonObject().put("code", code).put("message", "failed with " + code)
          .put("remoteClass", null);
      if (response.statusCode() != expected.getValue() || !wanted.equals(error)) {
        wrong.add(code + " -> " + response.statusCode() + " " + response.bodyAsString());
      }
    }
    assertEquals(List.of(), wrong);
  }

  /** The codes Slacker itself produces, here from the server's interceptor. */
  @Test
  void slackersOwnCodes() throws Exception {
    Map<String, Integer> statuses = Map.of(
        "NOT_FOUND", 404,
        "BAD_REQUEST", 400,
        "UNAUTHENTICATED", 401,
        "OVERLOADED", 429,
        "DEADLINE_EXCEEDED", 504,
        "CANCELLED", 499,
        "NOT_LEADER", 503,
        "PROTOCOL_ERROR", 502,
        "INTERNAL", 500);
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Integer> expected : statuses.entrySet()) {
      String code = expected.getKey();
      HttpResponse<Buffer> response = gateway.await(gateway.post("/test.Shop/echo", "[\"x\"]",
          MultiMap.caseInsensitiveMultiMap().add("X-Slacker-Meta-" + GatewayFixture.REFUSE_WITH, code)));
      JsonObject error = response.bodyAsJsonObject();
      if (response.statusCode() != expected.getValue() || !code.equals(error.getString("code"))
          || !error.getString("message").contains("refused with " + code) || error.getString("remoteClass") != null) {
        wrong.add(code + " -> " + response.statusCode() + " " + response.bodyAsString());
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void overloadedSaysWhenToRetry() throws Exception {
    HttpResponse<Buffer> response = gateway.await(gateway.post("/test.Shop/echo", "[\"x\"]",
        MultiMap.caseInsensitiveMultiMap().add("X-Slacker-Meta-" + GatewayFixture.REFUSE_WITH, "OVERLOADED")));
    assertEquals("OVERLOADED", GatewayFixture.error(response, 429).getString("code"));
    assertEquals("2", response.getHeader("Retry-After"));
  }

  @Test
  void unauthenticatedAsksForABearerToken() throws Exception {
    HttpResponse<Buffer> response = gateway.await(gateway.post("/test.Shop/echo", "[\"x\"]",
        MultiMap.caseInsensitiveMultiMap().add("X-Slacker-Meta-" + GatewayFixture.REFUSE_WITH, "UNAUTHENTICATED")));
    assertEquals("UNAUTHENTICATED", GatewayFixture.error(response, 401).getString("code"));
    assertEquals("Bearer", response.getHeader("WWW-Authenticate"));
  }

  @Test
  void aServiceExceptionKeepsItsFailureCodeAndDetails() throws Exception {
    JsonObject error = GatewayFixture.error(gateway.call("/test.Failing/fail", "[\"SERVICE\"]"), 500);
    assertEquals(new JsonObject()
        .put("code", "APPLICATION_ERROR")
        .put("message", "out of stock")
        .put("remoteClass", null)
        .put("failureCode", FailingImpl.FAILURE_CODE)
        .put("details", new JsonObject().put("sku", "A-1")), error);
  }

  @Test
  void aPlainExceptionNamesItsClass() throws Exception {
    JsonObject error = GatewayFixture.error(gateway.call("/test.Failing/fail", "[\"RUNTIME\"]"), 500);
    assertEquals(new JsonObject().put("code", "APPLICATION_ERROR").put("message", "broken")
        .put("remoteClass", IllegalStateException.class.getName()), error);
  }

  /** A method passing on UNAVAILABLE has run: 500 with the relayed code, never a 503 that invites a retry. */
  @Test
  void aRelayedUnavailableIsAnApplicationError() throws Exception {
    JsonObject error = GatewayFixture.error(gateway.call("/test.Failing/fail", "[\"UNAVAILABLE\"]"), 500);
    assertEquals("APPLICATION_ERROR", error.getString("code"));
    assertEquals("UNAVAILABLE", error.getString("relayedCode"));
  }

  @Test
  void anUnknownMethodIs404() throws Exception {
    JsonObject error = GatewayFixture.error(gateway.call("/test.Shop/refund", "[\"A-1\"]"), 404);
    assertEquals("NOT_FOUND", error.getString("code"));
    assertNull(error.getString("remoteClass"));
  }

  @Test
  void argumentsThatDoNotDecodeAre400() throws Exception {
    JsonObject error = GatewayFixture.error(gateway.call("/test.Shop/subtract", "[\"ten\", 3]"), 400);
    assertEquals("BAD_REQUEST", error.getString("code"));
  }

  @Test
  void aPassedDeadlineIs504() throws Exception {
    HttpResponse<Buffer> response = gateway.await(gateway.post("/test.Shop/sleep", "[5000]",
        MultiMap.caseInsensitiveMultiMap().add(SlackerGateway.TIMEOUT_HEADER, "200ms")));
    assertEquals("DEADLINE_EXCEEDED", GatewayFixture.error(response, 504).getString("code"));
    gateway.assertServes();
  }

  @Test
  void anUnreachableServerIs503() throws Exception {
    // A port that was just free: nothing listens there.
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    GatewayVerticle unreachable = new GatewayVerticle(
        new SlackerGatewayOptions().setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1")), null);
    vertx.deployVerticle(unreachable).await(10, TimeUnit.SECONDS);
    try (GatewayFixture client = GatewayFixture.client(vertx, unreachable.port())) {
      JsonObject error = GatewayFixture.error(client.call("/test.Shop/echo", "[\"x\"]"), 503);
      assertEquals("UNAVAILABLE", error.getString("code"));
      assertNull(error.getString("remoteClass"));
    }
  }
}
