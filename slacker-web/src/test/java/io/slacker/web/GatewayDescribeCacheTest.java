package io.slacker.web;

import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.admin.SlackerAdmin;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Calls by name ask the server for its description once per describeCacheMillis, not once per call. */
class GatewayDescribeCacheTest {

  private static final String NAMED = "{\"subtrahend\": 3, \"minuend\": 10}";

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private final Vertx vertx = TestVertx.create();
  private final AtomicInteger describes = new AtomicInteger();
  private final AtomicBoolean refuseNextDescribe = new AtomicBoolean();
  private GatewayFixture gateway;

  @AfterEach
  void stop() throws Exception {
    gateway.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void concurrentCallsShareOneDescribeAndLaterCallsReuseIt() throws Exception {
    start(new SlackerGatewayOptions());
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(gateway.post("/test.Shop/subtract", NAMED));
    }
    Future.all(calls).await(10, TimeUnit.SECONDS);
    calls.forEach(call -> assertEquals("7", call.result().bodyAsString()));
    for (int i = 0; i < 5; i++) {
      assertEquals("7", gateway.call("/test.Shop/subtract", NAMED).bodyAsString());
    }
    assertEquals(1, describes.get());
  }

  @Test
  void withoutACacheEveryCallDescribes() throws Exception {
    start(new SlackerGatewayOptions().setDescribeCacheMillis(0));
    for (int i = 0; i < 3; i++) {
      assertEquals("7", gateway.call("/test.Shop/subtract", NAMED).bodyAsString());
    }
    assertEquals(3, describes.get());
  }

  @Test
  void aFailedDescribeIsNotKept() throws Exception {
    start(new SlackerGatewayOptions());
    refuseNextDescribe.set(true);
    assertEquals("OVERLOADED", GatewayFixture.error(gateway.call("/test.Shop/subtract", NAMED), 429).getString("code"));
    assertEquals("7", gateway.call("/test.Shop/subtract", NAMED).bodyAsString());
    assertEquals(2, describes.get());
  }

  private void start(SlackerGatewayOptions options) throws Exception {
    gateway = GatewayFixture.start(vertx, options);
    gateway.server.addInterceptor((call, next) -> {
      if (!call.descriptor().serviceName().equals(SlackerAdmin.SERVICE)) {
        return next.proceed();
      }
      describes.incrementAndGet();
      return refuseNextDescribe.getAndSet(false)
          ? Future.failedFuture(new SlackerException(StatusCode.OVERLOADED, "not now"))
          : next.proceed();
    });
  }
}
