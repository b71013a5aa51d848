package io.slacker.web;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many requests at once through one gateway: each gets its own answer. */
class GatewayConcurrencyTest {

  private static final int REQUESTS = 1_000;

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
  void aThousandConcurrentRequestsAreEachAnsweredWithTheirOwnResult() throws Exception {
    List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>(REQUESTS);
    for (int i = 0; i < REQUESTS; i++) {
      // Half by position, half by name, so both paths run side by side.
      responses.add(i % 2 == 0
          ? gateway.post("/test.Shop/subtract", "[" + i + ", -" + i + "]")
          : gateway.post("/test.Shop/subtract", "{\"subtrahend\": -" + i + ", \"minuend\": " + i + "}"));
    }
    Future.join(responses).await(60, TimeUnit.SECONDS);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      Future<HttpResponse<Buffer>> response = responses.get(i);
      if (response.failed()) {
        wrong.add(i + ": " + response.cause());
      } else if (response.result().statusCode() != 200 || !response.result().bodyAsString().equals(String.valueOf(2 * i))) {
        wrong.add(i + ": " + response.result().statusCode() + " " + response.result().bodyAsString());
      }
    }
    assertEquals(0, wrong.size(), wrong.size() + " wrong answers, the first: " + wrong.subList(0, Math.min(10, wrong.size())));
  }
}
