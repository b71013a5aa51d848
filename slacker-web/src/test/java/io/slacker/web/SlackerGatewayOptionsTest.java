package io.slacker.web;

import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SlackerGatewayOptionsTest {

  @Test
  void defaults() {
    SlackerGatewayOptions options = new SlackerGatewayOptions();
    assertEquals(1024 * 1024, options.getMaxBodySize());
    assertNull(options.getServer());
    assertEquals(0, options.getDefaultTimeoutMillis());
    assertEquals(60_000, options.getMaxTimeoutMillis());
    assertEquals(30_000, options.getDescribeCacheMillis());
    assertEquals(1, options.getRetryAfterSeconds());
  }

  @Test
  void jsonAndCopyRoundTrip() {
    SlackerGatewayOptions options = new SlackerGatewayOptions()
        .setMaxBodySize(4096)
        .setServer(SocketAddress.inetSocketAddress(2104, "10.0.0.1"))
        .setDefaultTimeoutMillis(2_000)
        .setMaxTimeoutMillis(5_000)
        .setDescribeCacheMillis(0)
        .setRetryAfterSeconds(3);
    JsonObject json = options.toJson();
    assertEquals(new JsonObject().put("maxBodySize", 4096L).put("server", "10.0.0.1:2104")
        .put("defaultTimeoutMillis", 2_000L).put("maxTimeoutMillis", 5_000L).put("describeCacheMillis", 0L)
        .put("retryAfterSeconds", 3), json);
    assertEquals(json, new SlackerGatewayOptions(json).toJson());
    assertEquals(json, new SlackerGatewayOptions(options).toJson());
  }

  @Test
  void badValuesNameTheirField() {
    assertMessage("maxBodySize must be positive, got 0", () -> new SlackerGatewayOptions().setMaxBodySize(0));
    assertMessage("defaultTimeoutMillis must be 0 or positive, got -1", () -> new SlackerGatewayOptions().setDefaultTimeoutMillis(-1));
    assertMessage("maxTimeoutMillis must be positive, got 0", () -> new SlackerGatewayOptions().setMaxTimeoutMillis(0));
    assertMessage("describeCacheMillis must be 0 or positive, got -5", () -> new SlackerGatewayOptions().setDescribeCacheMillis(-5));
    assertMessage("retryAfterSeconds must be positive, got 0", () -> new SlackerGatewayOptions().setRetryAfterSeconds(0));
    assertMessage("maxBodySize must be an integer, got \"1MiB\"",
        () -> new SlackerGatewayOptions(new JsonObject().put("maxBodySize", "1MiB")));
    assertMessage("server must be host:port, got \"gateway\"",
        () -> new SlackerGatewayOptions(new JsonObject().put("server", "gateway")));
  }

  private static void assertMessage(String message, Runnable setting) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, setting::run).getMessage());
  }
}
