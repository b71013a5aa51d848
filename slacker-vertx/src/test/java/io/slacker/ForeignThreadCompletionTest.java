package io.slacker;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Methods whose futures complete on threads of their own (a plain promise, a CompletionStage, as
 * third-party async clients do), under load on one connection: every call is answered once, with
 * its own result, and nothing unhandled reaches Vert.x. {@code -Dslacker.test.foreignThreadMillis}
 * sets how long the load runs (2 s by default).
 */
class ForeignThreadCompletionTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static final long LOAD_MILLIS = Long.getLong("slacker.test.foreignThreadMillis", 2_000);
  private static final int CALLERS = 256;
  private static final String SERVICE = "test.Foreign";
  private static final MethodDescriptor BY_PROMISE = MethodDescriptor.builder(SERVICE, "byPromise")
      .parameterTypes(long.class).returnType(Long.class).build();
  private static final MethodDescriptor BY_STAGE = MethodDescriptor.builder(SERVICE, "byStage")
      .parameterTypes(long.class).returnType(Long.class).build();

  private final ExecutorService foreign = Executors.newFixedThreadPool(3);
  private Vertx vertx;
  private SlackerServer server;
  private SlackerClient client;
  private final List<Throwable> unhandled = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = TestVertx.create();
    vertx.exceptionHandler(unhandled::add);
    server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(ServiceDefinition.builder(SERVICE)
            .method(BY_PROMISE, args -> {
              Promise<Object> promise = Promise.promise();
              foreign.execute(() -> promise.complete(args[0]));
              return promise.future();
            })
            .method(BY_STAGE, args -> Future.fromCompletionStage(CompletableFuture.supplyAsync(() -> args[0], foreign)))
            .build());
    server.listen().await(10, TimeUnit.SECONDS);
    client = SlackerClient.create(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    client.close().await(10, TimeUnit.SECONDS);
    server.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
    foreign.shutdownNow();
  }

  @Test
  void everyCallCompletedOnAForeignThreadIsAnsweredOnceWithItsOwnResult() throws Exception {
    CallOptions options = new CallOptions().setServer(SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1"))
        .setTimeoutMillis(5_000);
    long endNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOAD_MILLIS);
    AtomicLong answered = new AtomicLong();
    List<String> wrong = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(CALLERS);
    vertx.runOnContext(v -> {
      for (int caller = 0; caller < CALLERS; caller++) {
        callInALoop(caller, 0, endNanos, options, answered, wrong, done);
      }
    });
    assertTrue(done.await(LOAD_MILLIS + 20_000, TimeUnit.MILLISECONDS), "every caller finished");
    System.out.printf("figures: foreign-thread completions: %d calls in %d ms, %d went wrong, %d unhandled%n",
        answered.get(), LOAD_MILLIS, wrong.size(), unhandled.size());
    assertEquals(List.of(), wrong.subList(0, Math.min(10, wrong.size())), wrong.size() + " calls went wrong");
    assertEquals(List.of(), unhandled, "nothing unhandled reached Vert.x");
    assertTrue(answered.get() > CALLERS, "calls were made: " + answered.get());
  }

  private void callInALoop(int caller, long n, long endNanos, CallOptions options, AtomicLong answered,
                           List<String> wrong, CountDownLatch done) {
    if (System.nanoTime() > endNanos) {
      done.countDown();
      return;
    }
    long value = ((long) caller << 32) | n;
    client.<Long>call(n % 2 == 0 ? BY_PROMISE : BY_STAGE, new Object[]{value}, options).onComplete(ar -> {
      if (ar.failed()) {
        wrong.add("call " + value + " failed: " + ar.cause());
      } else if (ar.result() != value) {
        wrong.add("call " + value + " got " + ar.result());
      }
      answered.incrementAndGet();
      callInALoop(caller, n + 1, endNanos, options, answered, wrong, done);
    });
  }
}
