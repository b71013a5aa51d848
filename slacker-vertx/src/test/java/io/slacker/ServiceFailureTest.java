package io.slacker;

import io.slacker.test.EchoServerTestBase;
import io.slacker.test.EchoServices;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What callers see when a service method misbehaves, and that the server shrugs it off. */
class ServiceFailureTest extends EchoServerTestBase {

  @Override
  protected SlackerServerOptions serverOptions() {
    return new SlackerServerOptions().setBlockingPoolSize(1).setBlockingQueueSize(2);
  }

  private SlackerException failureOf(Future<?> call) {
    return assertThrows(SlackerException.class, () -> call.await(5, TimeUnit.SECONDS));
  }

  @Test
  void aMethodThatThrowsIsAnApplicationErrorNamingTheException() throws Exception {
    SlackerException error = failureOf(client.call(EchoServices.THROWS, new Object[]{"boom"}, toServer()));
    assertEquals(StatusCode.APPLICATION_ERROR, error.code());
    assertEquals("thrown: boom", error.getMessage());
    assertEquals("java.lang.IllegalStateException", error.remoteClass());
    assertServerStillServes();
  }

  @Test
  void aFailedFutureIsAnApplicationErrorNamingTheException() throws Exception {
    SlackerException error = failureOf(client.call(EchoServices.FAILS, new Object[]{"nope"}, toServer()));
    assertEquals(StatusCode.APPLICATION_ERROR, error.code());
    assertEquals("failed: nope", error.getMessage());
    assertEquals("java.lang.IllegalArgumentException", error.remoteClass());
    assertServerStillServes();
  }

  @Test
  void aFailureThatCannotBeReadIsStillAnsweredAtOnce() throws Exception {
    SlackerException error = failureOf(client.call(EchoServices.FAILS_UNREADABLY, new Object[0], toServer()));
    assertEquals(StatusCode.INTERNAL, error.code());
    assertTrue(error.getMessage().contains("its failure (io.slacker.test.EchoServices$Unreadable) cannot be read"),
        error.getMessage());
    assertServerStillServes();
  }

  @Test
  void aSlackerFailureAMethodPassesOnIsAnApplicationErrorWithItsCodeRelayed() throws Exception {
    SlackerException error = failureOf(client.call(EchoServices.PASSES_ON, new Object[]{"gone"}, toServer()));
    assertEquals(StatusCode.APPLICATION_ERROR, error.code());
    assertEquals(StatusCode.UNAVAILABLE, error.relayedCode());
    assertEquals("downstream: gone", error.getMessage());
    assertEquals(SlackerException.class.getName(), error.remoteClass());
    try (RawConnection raw = new RawConnection(port)) {
      ReadFrame frame = raw.send(RawFrames.request(7, RawFrames.JSON, 5_000, EchoServices.NAME,
          "passesOn(java.lang.String)", RawFrames.json("[\"gone\"]"))).read();
      assertEquals(RawFrames.ERROR, frame.type());
      assertEquals(StatusCode.APPLICATION_ERROR.value(), frame.errorCode());
      // §5: the relayed code follows the remote class, as the body's last two bytes.
      byte[] body = frame.body();
      assertEquals(StatusCode.UNAVAILABLE.value(), ((body[body.length - 2] & 0xFF) << 8) | (body[body.length - 1] & 0xFF));
    }
    assertServerStillServes();
  }

  @Test
  void anInterceptorsUnavailableIsRelayedItsOtherCodesStay() throws Exception {
    server.addInterceptor((call, next) -> "down".equals(call.metadata().get("auth"))
        ? Future.failedFuture(new SlackerException(StatusCode.UNAVAILABLE, "the auth service is down"))
        : next.proceed());
    SlackerException error = failureOf(client.call(EchoServices.ECHO, new Object[]{"x"}, toServer().putMetadata("auth", "down")));
    assertEquals(StatusCode.APPLICATION_ERROR, error.code());
    assertEquals(StatusCode.UNAVAILABLE, error.relayedCode());
    assertEquals("the auth service is down", error.getMessage());
    assertServerStillServes();
  }

  @Test
  void aMethodThatNeverCompletesHitsTheDeadlineOnBothSides() throws Exception {
    long start = System.nanoTime();
    SlackerException error = failureOf(client.call(EchoServices.NEVER, new Object[0], toServer().setTimeoutMillis(300)));
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(StatusCode.DEADLINE_EXCEEDED, error.code());
    // The client's timer and the server's deadline fire together; either may report first.
    assertTrue(error.getMessage().equals("test.Echo#never() timed out after 300 ms")
        || error.getMessage().equals("test.Echo#never() did not finish within its deadline of 300 ms"), error.getMessage());
    assertTrue(elapsedMillis >= 300, "failed after " + elapsedMillis + " ms");
    ServerCall serverSide = service.neverCalls.get(0);
    assertEquals(300, serverSide.timeoutMillis());
    CompletableFuture<SlackerException> cancelled = new CompletableFuture<>();
    vertx.runOnContext(v -> serverSide.onCancel(cancelled::complete));
    // Whichever arrives first, the server's own deadline or the client's cancel frame, ends the call.
    StatusCode reason = cancelled.get(5, TimeUnit.SECONDS).code();
    assertTrue(reason == StatusCode.DEADLINE_EXCEEDED || reason == StatusCode.CANCELLED, reason.toString());
    assertServerStillServes();
  }

  @Test
  void theServerEnforcesTheDeadlineItself() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.request(4, RawFrames.JSON, 200, EchoServices.NAME, "never()", RawFrames.json("[]")));
      ReadFrame error = raw.read();
      assertEquals(RawFrames.ERROR, error.type());
      assertEquals(4, error.callId());
      assertEquals(RawFrames.DEADLINE_EXCEEDED, error.errorCode());
      assertEquals("test.Echo#never() did not finish within its deadline of 200 ms", error.errorMessage());
    }
    ServerCall serverSide = service.neverCalls.get(0);
    assertTrue(serverSide.isCancelled());
    CompletableFuture<SlackerException> reason = new CompletableFuture<>();
    vertx.runOnContext(v -> serverSide.onCancel(reason::complete));
    assertEquals(StatusCode.DEADLINE_EXCEEDED, reason.get(5, TimeUnit.SECONDS).code());
  }

  @Test
  void aCancelFrameStopsTheCallAndSuppressesItsResponse() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.request(6, RawFrames.JSON, 0, EchoServices.NAME, "never()", RawFrames.json("[]")));
      long deadline = System.currentTimeMillis() + 5_000;
      while (service.neverCalls.isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(5);
      }
      raw.send(RawFrames.frame(RawFrames.CANCEL, 0, 0, 6, new byte[0]));
      raw.send(RawFrames.frame(RawFrames.PING, 0, 0, 60, new byte[0]));
      ReadFrame next = raw.read();
      assertEquals(RawFrames.PONG, next.type(), "no response or error frame for the cancelled call");
    }
    CompletableFuture<SlackerException> reason = new CompletableFuture<>();
    vertx.runOnContext(v -> service.neverCalls.get(0).onCancel(reason::complete));
    SlackerException cancelled = reason.get(5, TimeUnit.SECONDS);
    assertEquals(StatusCode.CANCELLED, cancelled.code());
    assertEquals("cancelled by the caller", cancelled.getMessage());
  }

  @Test
  void aFullBlockingQueueAnswersOverloadedInsteadOfHanging() throws Exception {
    List<Future<Long>> accepted = new ArrayList<>();
    accepted.add(client.call(EchoServices.SLEEP, new Object[]{400L}, toServer()));
    accepted.add(client.call(EchoServices.SLEEP, new Object[]{400L}, toServer()));
    Thread.sleep(100);
    SlackerException error = failureOf(client.call(EchoServices.SLEEP, new Object[]{400L}, toServer()));
    assertEquals(StatusCode.OVERLOADED, error.code());
    assertEquals("the blocking queue is full (2 calls); retry later", error.getMessage());
    for (Future<Long> call : accepted) {
      assertEquals(400L, call.await(5, TimeUnit.SECONDS));
    }
    assertServerStillServes();
  }

  @Test
  void aServerInterceptorCanRefuseACallAndReadMetadata() throws Exception {
    server.addInterceptor((call, next) -> "let-me-in".equals(call.metadata().get("token"))
        ? next.proceed()
        : Future.failedFuture(new SlackerException(StatusCode.UNAUTHENTICATED, "missing or wrong token")));
    SlackerException refused = failureOf(client.call(EchoServices.ECHO, new Object[]{"x"}, toServer()));
    assertEquals(StatusCode.UNAUTHENTICATED, refused.code());
    assertEquals("missing or wrong token", refused.getMessage());
    assertNull(refused.remoteClass());
    assertEquals("x", client.call(EchoServices.ECHO, new Object[]{"x"}, toServer().putMetadata("token", "let-me-in"))
        .await(5, TimeUnit.SECONDS));
  }

  @Test
  void clientInterceptorsWriteMetadataShortCircuitAndSeeResults() throws Exception {
    List<String> seen = new ArrayList<>();
    client.addInterceptor((call, next) -> {
      call.metadata().put("caller", "orders");
      return next.proceed().map(result -> {
        seen.add(call.method() + "=" + result);
        return result;
      });
    });
    client.addInterceptor((call, next) -> "forbidden".equals(call.arguments()[0])
        ? Future.failedFuture(new SlackerException(StatusCode.CANCELLED, "refused locally"))
        : next.proceed());
    assertEquals("orders", client.call(EchoServices.METADATA, new Object[]{"caller"}, toServer()).await(5, TimeUnit.SECONDS));
    assertEquals(List.of("metadata=orders"), seen);
    SlackerException refused = failureOf(client.call(EchoServices.ECHO, new Object[]{"forbidden"}, toServer()));
    assertEquals(StatusCode.CANCELLED, refused.code());
    assertEquals(0, service.neverCalls.size());
  }
}
