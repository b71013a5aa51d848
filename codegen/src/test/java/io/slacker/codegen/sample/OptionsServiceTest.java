package io.slacker.codegen.sample;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerException;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.StatusCode;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code @Timeout}, {@code @Idempotent} and {@code @Blocking} reach the descriptors, and the runtime obeys them. */
class OptionsServiceTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private Vertx vertx;
  private SlackerServer server;
  private SlackerClient client;
  private OptionsService service;

  @BeforeEach
  void start() throws Exception {
    vertx = TestVertx.create();
    server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(OptionsService.class, new OptionsService() {
          @Override
          public Future<String> hang() {
            return Promise.<String>promise().future();
          }

          @Override
          public Future<String> threadOnEventLoop() {
            return Future.succeededFuture(Context.isOnEventLoopThread() ? "event loop" : Thread.currentThread().getName());
          }

          @Override
          public Future<String> threadOnWorker(long sleepMillis) {
            try {
              Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return Future.succeededFuture(Context.isOnWorkerThread() ? "worker" : Thread.currentThread().getName());
          }
        });
    server.listen().await(10, TimeUnit.SECONDS);
    client = SlackerClient.create(vertx);
    service = client.proxy(OptionsService.class, SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1"));
  }

  @AfterEach
  void stop() throws Exception {
    client.close().await(10, TimeUnit.SECONDS);
    server.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void annotationsBecomeDescriptorOptions() {
    assertEquals("options", OptionsServiceSlackerBinding.SERVICE_NAME);
    assertEquals(150, OptionsServiceSlackerBinding.HANG.timeoutMillis());
    assertEquals(5_000, OptionsServiceSlackerBinding.THREAD_ON_EVENT_LOOP.timeoutMillis());
    assertTrue(OptionsServiceSlackerBinding.THREAD_ON_EVENT_LOOP.idempotent());
    assertFalse(OptionsServiceSlackerBinding.HANG.idempotent());
    assertTrue(OptionsServiceSlackerBinding.THREAD_ON_WORKER.blocking());
    assertFalse(OptionsServiceSlackerBinding.THREAD_ON_EVENT_LOOP.blocking());
  }

  @Test
  void timeoutEndsTheCall() {
    CompletionException failure = assertThrows(CompletionException.class,
        () -> service.hang().toCompletionStage().toCompletableFuture().join());
    SlackerException cause = (SlackerException) failure.getCause();
    assertEquals(StatusCode.DEADLINE_EXCEEDED, cause.code());
  }

  @Test
  void blockingMethodsRunOnWorkers() throws Exception {
    assertEquals("event loop", service.threadOnEventLoop().await(10, TimeUnit.SECONDS));
    // Longer than the event loop may be blocked: only a worker can afford it.
    long sleep = TestVertx.MAX_EVENT_LOOP_MILLIS + 200;
    assertEquals("worker", service.threadOnWorker(sleep).await(10, TimeUnit.SECONDS));
  }

  @Test
  void callOptionsOverrideTheMethodTimeout() {
    OptionsService patient = client.proxy(OptionsService.class, new CallOptions()
        .setServer(SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1"))
        .setTimeoutMillis(400));
    long start = System.nanoTime();
    assertThrows(CompletionException.class, () -> patient.hang().toCompletionStage().toCompletableFuture().join());
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 400);
  }

  @Test
  void perCallOptionsOnAProxyKeepItsServer() {
    OptionsService patient = client.withOptions(service, options -> options.setTimeoutMillis(400));
    long start = System.nanoTime();
    CompletionException failure = assertThrows(CompletionException.class,
        () -> patient.hang().toCompletionStage().toCompletableFuture().join());
    assertTrue(((SlackerException) failure.getCause()).getMessage().contains("400 ms"), failure.getCause().getMessage());
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 400);
    assertEquals("event loop", patient.threadOnEventLoop().toCompletionStage().toCompletableFuture().join(),
        "the new proxy still calls the server of the one it came from");
    failure = assertThrows(CompletionException.class, () -> service.hang().toCompletionStage().toCompletableFuture().join());
    assertTrue(failure.getCause().getMessage().contains("150 ms"), "the original proxy is unchanged: " + failure.getCause());
    assertThrows(IllegalArgumentException.class, () -> client.withOptions(new Object(), options -> { }));
  }
}
