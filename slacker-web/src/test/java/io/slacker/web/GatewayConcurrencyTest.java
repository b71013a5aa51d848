package io.slacker.web;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many requests at once through one gateway: each gets its own answer. */
@ExtendWith(VertxExtension.class)
class GatewayConcurrencyTest {

  private static final int REQUESTS = 1_000;

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private final Vertx vertx = TestVertx.create();
  /**
   * The test's HTTP client bursts all its requests at once, and its pool hands them out in long
   * runs: that is the test's load, not the gateway's, so it runs on a Vert.x of its own, outside
   * the low blocked-thread threshold that guards the gateway and the server.
   */
  private final Vertx clientVertx = Vertx.vertx();
  private GatewayFixture gateway;
  private GatewayFixture client;

  @BeforeEach
  void start() throws Exception {
    gateway = GatewayFixture.start(vertx, new SlackerGatewayOptions());
    client = GatewayFixture.client(clientVertx, gateway.httpPort());
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    gateway.close();
    clientVertx.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  void aThousandConcurrentRequestsAreEachAnsweredWithTheirOwnResult(VertxTestContext test) {
    Checkpoint answered = test.checkpoint(REQUESTS);
    for (int i = 0; i < REQUESTS; i++) {
      int n = i;
      // Half by position, half by name, so both paths run side by side.
      String body = i % 2 == 0 ? "[" + i + ", -" + i + "]" : "{\"subtrahend\": -" + i + ", \"minuend\": " + i + "}";
      client.post("/test.Shop/subtract", body).onComplete(test.succeeding(response -> test.verify(() -> {
        assertEquals(200, response.statusCode(), "request " + n + ": " + response.bodyAsString());
        assertEquals(String.valueOf(2 * n), response.bodyAsString(), "request " + n);
        answered.flag();
      })));
    }
  }
}
