package io.slacker;

import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OptionsTest {

  @Test
  void serverOptionsRoundTripThroughJsonAndCopies() {
    SlackerServerOptions options = new SlackerServerOptions().setPort(9000).setMaxFrameSize(4096).setBlockingQueueSize(7)
        .setHalfCloseTimeoutMillis(750);
    assertEquals(options.toJson(), new SlackerServerOptions(options.toJson()).toJson());
    assertEquals(options.toJson(), new SlackerServerOptions(options).toJson());
    assertEquals(SlackerServerOptions.DEFAULT_PORT, new SlackerServerOptions(new JsonObject()).getPort());
    assertThrows(IllegalArgumentException.class, () -> options.setPort(70000));
    assertThrows(IllegalArgumentException.class, () -> options.setMaxFrameSize(8));
    assertEquals(750, new SlackerServerOptions(options.toJson()).getHalfCloseTimeoutMillis());
    assertEquals(SlackerServerOptions.DEFAULT_HALF_CLOSE_TIMEOUT_MILLIS, new SlackerServerOptions(new JsonObject()).getHalfCloseTimeoutMillis());
    assertThrows(IllegalArgumentException.class, () -> options.setHalfCloseTimeoutMillis(-1));
  }

  @Test
  void aWrongTypeInJsonConfigurationNamesTheKey() {
    IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
        () -> new SlackerServerOptions(new JsonObject().put("port", "2104")));
    assertEquals("port must be an integer, got \"2104\"", port.getMessage());
    IllegalArgumentException nested = assertThrows(IllegalArgumentException.class, () -> new SlackerServerOptions(
        new JsonObject().put("cluster", new JsonObject().put("withdrawGraceMillis", true))));
    assertEquals("cluster.withdrawGraceMillis must be an integer, got true", nested.getMessage());
    IllegalArgumentException cluster = assertThrows(IllegalArgumentException.class,
        () -> new SlackerClientOptions(new JsonObject().put("cluster", "round-robin")));
    assertEquals("cluster must be an object, got \"round-robin\"", cluster.getMessage());
    IllegalArgumentException shared = assertThrows(IllegalArgumentException.class,
        () -> new ZookeeperDiscoveryOptions(new JsonObject().put("shared", "yes")));
    assertEquals("shared must be true or false, got \"yes\"", shared.getMessage());
  }

  @Test
  void clientOptionsRoundTripThroughJsonAndCopies() {
    SlackerClientOptions options = new SlackerClientOptions().setSerialization("json").setCallTimeoutMillis(1234);
    assertEquals(options.toJson(), new SlackerClientOptions(options.toJson()).toJson());
    assertEquals(options.toJson(), new SlackerClientOptions(options).toJson());
    assertEquals("smile", new SlackerClientOptions().getSerialization());
    assertThrows(IllegalArgumentException.class, () -> options.setCallTimeoutMillis(0));
    assertThrows(IllegalArgumentException.class, () -> options.setSerialization(""));
  }

  @Test
  void callOptionsRoundTripThroughJson() {
    CallOptions options = new CallOptions().setTimeoutMillis(50).setServer(SocketAddress.inetSocketAddress(81, "10.0.0.1"))
        .setSerialization("cbor").putMetadata("trace", "t-1");
    CallOptions copy = new CallOptions(options.toJson());
    assertEquals(options.toJson(), copy.toJson());
    assertEquals("t-1", copy.getMetadata().get("trace"));
    assertThrows(IllegalArgumentException.class, () -> options.setTimeoutMillis(-1));
  }
}
