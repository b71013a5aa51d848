package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.ConnectionLostException;
import io.slacker.NotSentException;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server shut down gracefully under load, seen by clients whose view lags: one that calls a
 * fixed address, and one whose static server list still names the server after it is gone.
 * No call is lost: every call either ran and succeeded, or did not run and says so.
 */
class GracefulShutdownTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static final int LOOPS = 32;
  private static final String SERVICE = "test.Ledger";
  /** Not idempotent: a call that may have run must never be sent again. */
  private static final MethodDescriptor RECORD = MethodDescriptor.builder(SERVICE, "record")
      .parameterTypes(long.class).returnType(Long.class).build();

  private final Vertx vertx = TestVertx.create();
  private final AtomicInteger executed = new AtomicInteger();
  private final List<SlackerServer> servers = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (SlackerServer server : servers) {
      Await.result(server.close());
    }
    Await.result(vertx.close());
  }

  private SlackerServer startServer() throws Exception {
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(ServiceDefinition.builder(SERVICE)
            .method(RECORD, args -> {
              executed.incrementAndGet();
              if ((Long) args[0] % 2 == 0) {
                return Future.succeededFuture(args[0]);
              }
              // Every other call answers a moment later: some calls are running when the shutdown starts.
              Promise<Object> answer = Promise.promise();
              vertx.setTimer(1, t -> answer.complete(args[0]));
              return answer.future();
            })
            .build());
    Await.result(server.listen());
    servers.add(server);
    return server;
  }

  @Test
  void aClientOfAFixedAddressSeesEveryCallEitherRunOrNotSent() throws Exception {
    SlackerServer server = startServer();
    SlackerClient client = SlackerClient.create(vertx);
    CallOptions options = new CallOptions().setServer(SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1"));
    Load load = new Load(client, options, true);
    load.start();
    Thread.sleep(500);
    Await.result(server.shutdown(3, TimeUnit.SECONDS));
    load.awaitEnd(15_000);
    Await.result(client.close());

    System.out.printf("figures: fixed address: %d calls ran and succeeded, %d not sent, %d may have run%n",
        load.succeeded.get(), load.notSent.get(), load.mayHaveRun.size());
    assertEquals(List.of(), load.mayHaveRun, "no call reported as possibly run");
    assertEquals(executed.get(), load.succeeded.get(), "every call that ran succeeded, and no other");
    assertEquals(LOOPS, load.notSent.get(), "each loop ended on a call that was not sent");
  }

  @Test
  void aClientWhoseListStillNamesTheStoppedServerLosesNoCall() throws Exception {
    SlackerServer stopping = startServer();
    SlackerServer staying = startServer();
    SlackerClient client = SlackerClient.create(vertx, new SlackerClientOptions(), StaticDiscovery.create(vertx,
        new JsonObject().put(SERVICE, new JsonArray()
            .add("127.0.0.1:" + stopping.actualPort())
            .add("127.0.0.1:" + staying.actualPort()))));
    Load load = new Load(client, new CallOptions(), false);
    load.start();
    Thread.sleep(500);
    Await.result(stopping.shutdown(3, TimeUnit.SECONDS));
    Thread.sleep(500);
    load.stop();
    load.awaitEnd(15_000);
    Await.result(client.close());

    System.out.printf("figures: lagging list: %d calls ran and succeeded, %d failed%n", load.succeeded.get(),
        load.failures.size());
    assertEquals(List.of(), load.failures, "no call failed");
    assertEquals(executed.get(), load.succeeded.get(), "every call ran exactly once");
    assertTrue(load.succeeded.get() > LOOPS, "calls were made: " + load.succeeded.get());
  }

  /** {@link #LOOPS} loops calling {@code record}, each until it is stopped or, if asked, until its first failure. */
  private static final class Load {
    final AtomicInteger succeeded = new AtomicInteger();
    final AtomicInteger notSent = new AtomicInteger();
    final List<String> mayHaveRun = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    private final SlackerClient client;
    private final CallOptions options;
    private final boolean stopAtFailure;
    private final CountDownLatch ended = new CountDownLatch(LOOPS);
    private volatile boolean stopped;

    Load(SlackerClient client, CallOptions options, boolean stopAtFailure) {
      this.client = client;
      this.options = options;
      this.stopAtFailure = stopAtFailure;
    }

    void start() {
      for (int i = 0; i < LOOPS; i++) {
        next(i * 1_000_000L);
      }
    }

    void stop() {
      stopped = true;
    }

    void awaitEnd(long millis) throws InterruptedException {
      assertTrue(ended.await(millis, TimeUnit.MILLISECONDS), "every loop ended");
    }

    private void next(long n) {
      if (stopped) {
        ended.countDown();
        return;
      }
      client.<Long>call(RECORD, new Object[]{n}, options).onComplete(ar -> {
        if (ar.succeeded()) {
          succeeded.incrementAndGet();
          next(n + 1);
          return;
        }
        Throwable failure = ar.cause();
        failures.add(failure.toString());
        if (failure instanceof NotSentException) {
          notSent.incrementAndGet();
        } else if (failure instanceof ConnectionLostException || !stopAtFailure) {
          mayHaveRun.add(failure.toString());
        }
        if (stopAtFailure) {
          ended.countDown();
        } else {
          next(n + 1);
        }
      });
    }
  }
}
