package io.slacker;

import io.slacker.test.EchoServerTestBase;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cancel handlers that throw, or that are added from a worker while the call is cancelled. */
class ServerCancellationTest extends EchoServerTestBase {

  private static final String SERVICE = "test.Cancel";
  /** Adds a cancel handler that throws, then one that records the call's argument; never completes. */
  private static final MethodDescriptor HANG = MethodDescriptor.builder(SERVICE, "hang")
      .parameterTypes(String.class).returnType(String.class).build();
  /** Counts its runs. */
  private static final MethodDescriptor COUNT = MethodDescriptor.builder(SERVICE, "count")
      .parameterTypes(String.class).returnType(String.class).build();
  /** On a worker, adds cancel handlers in a loop until the call is cancelled, then up to 100 more (3,000,000 at most). */
  private static final MethodDescriptor ADD_HANDLERS = MethodDescriptor.builder(SERVICE, "addHandlers")
      .returnType(Integer.class).blocking(true).build();

  private final List<String> cancelled = new CopyOnWriteArrayList<>();
  private final AtomicInteger handlersAdded = new AtomicInteger();
  private final AtomicInteger handlersRun = new AtomicInteger();
  private final AtomicInteger methodsDone = new AtomicInteger();
  private final AtomicInteger counted = new AtomicInteger();

  /** A client's FIN closes the connection once this is over: calls that never finish are then cancelled. */
  @Override
  protected SlackerServerOptions serverOptions() {
    return new SlackerServerOptions().setHalfCloseTimeoutMillis(200);
  }

  @BeforeEach
  void registerService() {
    server.register(ServiceDefinition.builder(SERVICE)
        .method(HANG, args -> {
          ServerCall call = ServerCall.current();
          call.onCancel(reason -> {
            throw new IllegalStateException("a buggy cancel handler");
          });
          call.onCancel(reason -> cancelled.add(args[0] + ": " + reason.code()));
          return Promise.promise().future();
        })
        .method(COUNT, args -> {
          counted.incrementAndGet();
          return Future.succeededFuture((String) args[0]);
        })
        .method(ADD_HANDLERS, args -> {
          ServerCall call = ServerCall.current();
          Handler<SlackerException> handler = reason -> handlersRun.incrementAndGet();
          int added = 0;
          while (added < 3_000_000 && (!call.isCancelled() || added % 100 != 0)) {
            call.onCancel(handler);
            added++;
          }
          handlersAdded.addAndGet(added);
          methodsDone.incrementAndGet();
          return Future.succeededFuture(added);
        })
        .build());
  }

  @Test
  void aThrowingCancelHandlerStopsNeitherTheDeadlineAnswerNorTheOtherHandlers() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      ReadFrame frame = raw.send(RawFrames.request(5, RawFrames.JSON, 200, SERVICE, "hang(java.lang.String)",
          RawFrames.json("[\"late\"]"))).read();
      assertEquals(RawFrames.ERROR, frame.type());
      assertEquals(5, frame.callId());
      assertEquals(StatusCode.DEADLINE_EXCEEDED.value(), frame.errorCode());
    }
    assertEquals(List.of("late: DEADLINE_EXCEEDED"), cancelled);
    assertServerStillServes();
  }

  @Test
  void aThrowingCancelHandlerStopsNoOtherCallsCleanupWhenTheConnectionCloses() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.request(1, RawFrames.JSON, 0, SERVICE, "hang(java.lang.String)", RawFrames.json("[\"a\"]")));
      raw.send(RawFrames.request(2, RawFrames.JSON, 0, SERVICE, "hang(java.lang.String)", RawFrames.json("[\"b\"]")));
      raw.send(RawFrames.request(3, RawFrames.JSON, 0, SERVICE, "hang(java.lang.String)", RawFrames.json("[\"c\"]")));
      // A ping answered means the three requests before it were read.
      raw.send(RawFrames.frame(RawFrames.PING, 0, 0, 9, new byte[0]));
      assertEquals(RawFrames.PONG, raw.read().type());
    }
    long deadline = System.currentTimeMillis() + 5_000;
    while (cancelled.size() < 3 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(List.of("a: CANCELLED", "b: CANCELLED", "c: CANCELLED"), cancelled.stream().sorted().toList());
    assertServerStillServes();
  }

  @Test
  void handlersAddedFromAWorkerWhileTheCallIsCancelledEachRunOnce() throws Exception {
    for (int i = 0; i < 10; i++) {
      SlackerException error = assertThrows(SlackerException.class, () -> client.call(ADD_HANDLERS, new Object[0],
          toServer().setTimeoutMillis(20)).await(5, TimeUnit.SECONDS));
      assertEquals(StatusCode.DEADLINE_EXCEEDED, error.code());
    }
    long deadline = System.currentTimeMillis() + 5_000;
    while ((methodsDone.get() < 10 || handlersRun.get() < handlersAdded.get()) && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(handlersAdded.get() > 0);
    assertEquals(handlersAdded.get(), handlersRun.get(), "every handler ran once");
    assertServerStillServes();
  }

  @Test
  void aRequestWhoseCancelHasAlreadyArrivedNeverStarts() throws Exception {
    byte[][] frames = new byte[21][];
    for (int id = 1; id <= 10; id++) {
      frames[id - 1] = RawFrames.request(id, RawFrames.JSON, 5_000, SERVICE, "count(java.lang.String)", RawFrames.json("[\"x\"]"));
      frames[9 + id] = RawFrames.frame(RawFrames.CANCEL, 0, 0, id, new byte[0]);
    }
    frames[20] = RawFrames.frame(RawFrames.PING, 0, 0, 99, new byte[0]);
    try (RawConnection raw = new RawConnection(port)) {
      // As a paused server finds them on resume: requests, then the cancels their callers sent.
      raw.send(RawFrames.concat(frames));
      ReadFrame first = raw.read();
      assertEquals(RawFrames.PONG, first.type(), "no answer for a cancelled call comes before the pong");
    }
    assertEquals(0, counted.get(), "no cancelled request was started");
    assertServerStillServes();
  }
}
