package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerException;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.StatusCode;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.EchoServices;
import io.slacker.test.TestVertx;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routed calls whose routing goes wrong: they fail with a reason, by their deadline at the latest, and never hang. */
class RoutingFailureTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private final Vertx vertx = TestVertx.create();
  private final List<SlackerServer> servers = new ArrayList<>();
  private final List<SocketAddress> addresses = new ArrayList<>();
  private final StaticDiscovery discovery = StaticDiscovery.create(vertx);
  private SlackerClient client;

  @BeforeEach
  void start() throws Exception {
    for (int i = 0; i < 2; i++) {
      SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
          .register(new EchoServices().definition());
      Await.result(server.listen());
      servers.add(server);
      addresses.add(SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1"));
      discovery.add(EchoServices.NAME, addresses.get(i));
    }
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      Await.result(client.close());
    }
    for (SlackerServer server : servers) {
      Await.result(server.close());
    }
    Await.result(vertx.close());
  }

  @Test
  void aBalancerThatThrowsFailsTheCallAtOnce() throws Exception {
    client = SlackerClient.create(vertx, new SlackerClientOptions()
        .setCluster(new ClusterClientOptions().setLoadBalancer(ThrowingBalancer.NAME)), discovery);
    long start = System.nanoTime();
    SlackerException error = assertInstanceOf(SlackerException.class,
        Await.failure(client.call(EchoServices.ECHO, new Object[]{"x"}, new CallOptions().setTimeoutMillis(10_000))));
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5_000, "failed long before its deadline");
    assertEquals(StatusCode.INTERNAL, error.code());
    assertTrue(error.getMessage().contains("balancer bug"), error.getMessage());
  }

  @Test
  void membershipChurningUnderCallsLeavesNoCallHanging() throws Exception {
    client = SlackerClient.create(vertx, new SlackerClientOptions(), discovery);
    List<String> failures = new CopyOnWriteArrayList<>();
    AtomicInteger answered = new AtomicInteger();
    long endNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    CountDownLatch loopsDone = new CountDownLatch(16);
    CallOptions options = new CallOptions().setTimeoutMillis(3_000);
    for (int i = 0; i < 16; i++) {
      callUntil(endNanos, options, answered, failures, loopsDone);
    }
    // Servers leave and rejoin the list while calls pick among them.
    for (int flip = 0; System.nanoTime() < endNanos; flip++) {
      SocketAddress moving = addresses.get(flip % 2);
      discovery.remove(EchoServices.NAME, moving);
      discovery.add(EchoServices.NAME, moving);
      Thread.sleep(1);
    }
    assertTrue(loopsDone.await(20, TimeUnit.SECONDS), "every calling loop ended");
    assertEquals(List.of(), failures.stream().filter(f -> f.contains("DEADLINE_EXCEEDED")).toList(), "no call hung to its deadline");
    assertTrue(answered.get() > 16, "calls were made: " + answered.get());
  }

  private void callUntil(long endNanos, CallOptions options, AtomicInteger answered, List<String> failures,
                         CountDownLatch done) {
    if (System.nanoTime() > endNanos) {
      done.countDown();
      return;
    }
    client.call(EchoServices.ECHO, new Object[]{"x"}, options).onComplete(ar -> {
      answered.incrementAndGet();
      if (ar.failed()) {
        failures.add(ar.cause().toString());
      }
      vertx.runOnContext(v -> callUntil(endNanos, options, answered, failures, done));
    });
  }

  @Test
  void emptyProviderProtectionStillExpiresAfterTheFirstCallersVerticleIsGone() throws Exception {
    client = SlackerClient.create(vertx, new SlackerClientOptions()
        .setCluster(new ClusterClientOptions().setEmptyProtectionMillis(300)), discovery);
    String deployment = Await.result(vertx.deployVerticle(new AbstractVerticle() {
      @Override
      public void start() {
        // The first call of the service, from this verticle, is what starts watching it.
        client.call(EchoServices.ECHO, new Object[]{"first"}, new CallOptions());
      }
    }));
    Await.until("both servers known", Duration.ofSeconds(5), () -> serversKnown() == 2);
    Await.result(vertx.undeploy(deployment));
    discovery.remove(EchoServices.NAME, addresses.get(0)).remove(EchoServices.NAME, addresses.get(1));
    Await.until("the empty list accepted once the protection is over", Duration.ofSeconds(5), () -> serversKnown() == 0);
  }

  private int serversKnown() {
    try {
      return Await.result(client.servers(EchoServices.NAME)).size();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
