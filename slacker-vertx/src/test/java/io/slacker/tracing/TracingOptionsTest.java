package io.slacker.tracing;

import io.slacker.SlackerClientOptions;
import io.slacker.SlackerServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.tracing.TracingPolicy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The {@code tracingPolicy} option of clients and servers: its default, JSON, copies and refusals. */
class TracingOptionsTest {

  @Test
  void theDefaultIsPropagateAsForVertxClientsAndServers() {
    assertEquals(TracingPolicy.PROPAGATE, new SlackerClientOptions().getTracingPolicy());
    assertEquals(TracingPolicy.PROPAGATE, new SlackerServerOptions().getTracingPolicy());
    assertEquals("PROPAGATE", new SlackerClientOptions().toJson().getString("tracingPolicy"));
    assertEquals(TracingPolicy.PROPAGATE, new SlackerServerOptions(new JsonObject()).getTracingPolicy());
  }

  @Test
  void thePolicyTravelsThroughJsonAndCopies() {
    SlackerClientOptions client = new SlackerClientOptions().setTracingPolicy(TracingPolicy.ALWAYS);
    assertEquals(TracingPolicy.ALWAYS, new SlackerClientOptions(client.toJson()).getTracingPolicy());
    assertEquals(TracingPolicy.ALWAYS, new SlackerClientOptions(client).getTracingPolicy());
    SlackerServerOptions server = new SlackerServerOptions().setTracingPolicy(TracingPolicy.IGNORE);
    assertEquals(TracingPolicy.IGNORE, new SlackerServerOptions(server.toJson()).getTracingPolicy());
    assertEquals(TracingPolicy.IGNORE, new SlackerServerOptions(server).getTracingPolicy());
  }

  @Test
  void anUnknownOrMissingPolicyIsRefusedNamingTheKey() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> new SlackerServerOptions(new JsonObject().put("tracingPolicy", "always")));
    assertEquals("tracingPolicy must be one of [IGNORE, PROPAGATE, ALWAYS], got \"always\"", unknown.getMessage());
    IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
        () -> new SlackerClientOptions(new JsonObject().put("tracingPolicy", 1)));
    assertEquals("tracingPolicy must be a string, got 1", wrongType.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new SlackerClientOptions().setTracingPolicy(null));
    assertThrows(IllegalArgumentException.class, () -> new SlackerServerOptions().setTracingPolicy(null));
  }
}
