package io.slacker.web;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each bad request gets its exact error, and the gateway goes on serving good ones. */
class GatewayBadInputTest {

  private static final int BODY_LIMIT = 1024;

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private final Vertx vertx = TestVertx.create();
  private GatewayFixture gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = GatewayFixture.start(vertx, new SlackerGatewayOptions().setMaxBodySize(BODY_LIMIT).setMaxTimeoutMillis(10_000));
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void malformedJson() throws Exception {
    assertBadRequest(gateway.call("/test.Shop/echo", "[\"a\", "),
        "the body is not valid JSON: Unexpected end-of-input within/between Array entries (line 1, column 7)");
    assertBadRequest(gateway.call("/test.Shop/echo", "[\"a\""),
        "the body is not valid JSON: Unexpected end-of-input: expected close marker for Array (opened at line 1, column 1)"
            + " (line 1, column 5)");
    gateway.assertServes();
  }

  @Test
  void bytesAfterTheJson() throws Exception {
    JsonObject error = assertBadRequest(gateway.call("/test.Shop/echo", "[\"a\"] [\"b\"]"), null);
    assertEquals(true, error.getString("message").startsWith("the body is not valid JSON: Trailing token"), error.encode());
    gateway.assertServes();
  }

  @Test
  void aKeyGivenTwice() throws Exception {
    JsonObject error = assertBadRequest(gateway.call("/test.Shop/echo", "{\"text\": \"a\", \"text\": \"b\"}"), null);
    assertEquals(true, error.getString("message").startsWith("the body is not valid JSON: Duplicate field 'text'"), error.encode());
    gateway.assertServes();
  }

  @Test
  void aBodyThatIsNeitherArrayNorObject() throws Exception {
    assertBadRequest(gateway.call("/test.Shop/echo", "\"a\""),
        "the body must be a JSON array of the arguments or an object of them by parameter name, got string");
    gateway.assertServes();
  }

  @Test
  void anEmptyBody() throws Exception {
    assertBadRequest(gateway.call("/test.Shop/echo", ""),
        "the body is empty: send a JSON array of the arguments ([] for none) or an object of them by parameter name");
    gateway.assertServes();
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    String text = "x".repeat(BODY_LIMIT * 4);
    JsonObject error = GatewayFixture.error(gateway.call("/test.Shop/echo", "[\"" + text + "\"]"), 413);
    assertEquals(new JsonObject().put("code", "BAD_REQUEST")
        .put("message", "the body is over the gateway's limit of " + BODY_LIMIT + " bytes").put("remoteClass", null), error);
    gateway.assertServes();
    String justUnder = "x".repeat(BODY_LIMIT - 4);
    HttpResponse<Buffer> response = gateway.call("/test.Shop/echo", "[\"" + justUnder + "\"]");
    assertEquals(200, response.statusCode(), response.bodyAsString());
  }

  /** Without a Content-Length the limit is checked while the body arrives. */
  @Test
  void aChunkedBodyOverTheLimitIs413() throws Exception {
    HttpClient http = vertx.createHttpClient();
    try {
      // The body handler is set as the answer arrives: set later, it could miss the end of the body.
      JsonObject answer = http.request(HttpMethod.POST, gateway.httpPort(), "127.0.0.1", "/rpc/test.Shop/echo")
          .compose(request -> {
            // The answer may come before the body is all sent: wait for it, not for the end of the request.
            Future<HttpClientResponse> response = request.response();
            request.setChunked(true).putHeader("Content-Type", "application/json");
            request.write("[\"");
            for (int i = 0; i < 8; i++) {
              request.write("x".repeat(BODY_LIMIT / 2));
            }
            request.end("\"]");
            return response;
          })
          .compose(response -> response.body().map(body -> body.toJsonObject().put("status", response.statusCode())))
          .await(10, TimeUnit.SECONDS);
      assertEquals(413, answer.getInteger("status"));
      assertEquals("the body is over the gateway's limit of " + BODY_LIMIT + " bytes", answer.getString("message"));
    } finally {
      http.close().await(10, TimeUnit.SECONDS);
    }
    gateway.assertServes();
  }

  @Test
  void anotherContentTypeIs415() throws Exception {
    HttpResponse<Buffer> response = gateway.web.post(gateway.httpPort(), "127.0.0.1", "/rpc/test.Shop/echo")
        .putHeader("Content-Type", "text/plain")
        .sendBuffer(Buffer.buffer("[\"a\"]")).await(10, TimeUnit.SECONDS);
    assertEquals("a call needs Content-Type: application/json, got text/plain",
        GatewayFixture.error(response, 415).getString("message"));
    response = gateway.web.post(gateway.httpPort(), "127.0.0.1", "/rpc/test.Shop/echo")
        .putHeader("Content-Type", "application/json; charset=ISO-8859-1")
        .sendBuffer(Buffer.buffer("[\"a\"]")).await(10, TimeUnit.SECONDS);
    assertEquals("JSON is UTF-8, got application/json; charset=ISO-8859-1",
        GatewayFixture.error(response, 415).getString("message"));
    gateway.assertServes();
  }

  @Test
  void aGetOnACallIs405() throws Exception {
    HttpResponse<Buffer> response = gateway.get("/test.Shop/echo");
    JsonObject error = GatewayFixture.error(response, 405);
    assertEquals("GET is not allowed here: a call is a POST", error.getString("message"));
    assertEquals("POST", response.getHeader("Allow"));
    gateway.assertServes();
  }

  @Test
  void anUnknownPathIs404() throws Exception {
    JsonObject error = GatewayFixture.error(gateway.call("/test.Shop/echo/more", "[]"), 404);
    assertEquals("NOT_FOUND", error.getString("code"));
    assertEquals("no route /rpc/test.Shop/echo/more: call POST /<service>/<method>, or GET / for the list",
        error.getString("message"));
    gateway.assertServes();
  }

  @Test
  void theAdministrationServiceIsNotExposed() throws Exception {
    JsonObject error = GatewayFixture.error(gateway.call("/slacker.Server/shutdown", "[0]"), 404);
    assertEquals("the gateway does not expose slacker.Server", error.getString("message"));
    gateway.assertServes();
  }

  @Test
  void badTimeoutHeaders() throws Exception {
    assertBadRequest(withHeader(SlackerGateway.TIMEOUT_HEADER, "soon"),
        "X-Slacker-Timeout must be like 2s, 500ms, 1m or plain milliseconds, got \"soon\"");
    assertBadRequest(withHeader(SlackerGateway.TIMEOUT_HEADER, "0ms"), "X-Slacker-Timeout must be positive, got \"0ms\"");
    assertBadRequest(withHeader(SlackerGateway.TIMEOUT_HEADER, "11s"),
        "X-Slacker-Timeout of 11000 ms is over the gateway's limit of 10000 ms");
    gateway.assertServes();
  }

  @Test
  void aMetadataHeaderWithoutAKey() throws Exception {
    assertBadRequest(withHeader("X-Slacker-Meta-", "x"),
        "a X-Slacker-Meta-<key> header needs a key after the prefix");
    gateway.assertServes();
  }

  private HttpResponse<Buffer> withHeader(String name, String value) throws Exception {
    return gateway.await(gateway.post("/test.Shop/echo", "[\"a\"]", MultiMap.caseInsensitiveMultiMap().add(name, value)));
  }

  /** @param message the exact message, or {@code null} to check it elsewhere */
  private static JsonObject assertBadRequest(HttpResponse<Buffer> response, String message) {
    JsonObject error = GatewayFixture.error(response, 400);
    assertEquals("BAD_REQUEST", error.getString("code"));
    assertNull(error.getString("remoteClass"));
    if (message != null) {
      assertEquals(message, error.getString("message"));
    }
    return error;
  }
}
