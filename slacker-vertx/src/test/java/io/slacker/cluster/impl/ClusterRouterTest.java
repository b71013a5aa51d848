package io.slacker.cluster.impl;

import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.cluster.ClusterClientOptions;
import io.slacker.cluster.GroupCallException;
import io.slacker.cluster.GroupPolicy;
import io.slacker.cluster.GroupResult;
import io.slacker.cluster.Grouping;
import io.slacker.cluster.StaticDiscovery;
import io.slacker.impl.protocol.FrameEncoder;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The router over a static discovery, with scripted attempts standing in for the transport. */
class ClusterRouterTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static final SocketAddress A = SocketAddress.inetSocketAddress(7101, "127.0.0.1");
  private static final SocketAddress B = SocketAddress.inetSocketAddress(7102, "127.0.0.1");
  private static final SocketAddress C = SocketAddress.inetSocketAddress(7103, "127.0.0.1");

  /** Failures the stand-in transport marks as never sent. */
  private static final class NotSent extends SlackerException {
    NotSent(String message) {
      super(StatusCode.UNAVAILABLE, message);
    }
  }

  private final Vertx vertx = TestVertx.create();
  private final StaticDiscovery discovery = StaticDiscovery.create(vertx);
  private final List<SocketAddress> calls = new CopyOnWriteArrayList<>();
  private final Map<SocketAddress, SlackerException> failing = new ConcurrentHashMap<>();

  @AfterEach
  void tearDown() throws Exception {
    await(vertx.close());
  }

  /** The stand-in transport's classification: a NotSent is a refused connection, so never run and unreachable. */
  private static final AttemptFailures STAND_IN_FAILURES = new AttemptFailures() {
    @Override
    public boolean neverRan(Throwable failure) {
      return failure instanceof NotSent;
    }

    @Override
    public boolean unreachable(Throwable failure) {
      return failure instanceof NotSent;
    }

    @Override
    public boolean unanswered(Throwable failure) {
      return failure instanceof NoAnswer;
    }
  };

  /** Failures the stand-in transport marks as an attempt that got no answer in time. */
  private static final class NoAnswer extends SlackerException {
    NoAnswer(String message) {
      super(StatusCode.DEADLINE_EXCEEDED, message);
    }
  }

  private ClusterRouter router(ClusterClientOptions options) {
    NetClient probes = vertx.createNetClient();
    return new ClusterRouter(vertx, ((VertxInternal) vertx).createEventLoopContext(), discovery, options,
        (server, requiresTls) -> probes.connect(server), 500, STAND_IN_FAILURES, null);
  }

  private Future<String> attempt(SocketAddress server, Boolean requiresTls, long timeout, String leaderIncarnation) {
    calls.add(server);
    SlackerException failure = failing.get(server);
    return failure != null ? Future.failedFuture(failure) : Future.succeededFuture("hi from " + server.port());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Throwable failureOf(Future<?> future) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(future));
    return e.getCause();
  }

  @Test
  void serviceWithoutServersFailsFastNamingIt() {
    ClusterRouter router = router(new ClusterClientOptions());
    long start = System.nanoTime();
    Throwable failure = failureOf(router.call("inventory", Grouping.one(), false, null, 5_000, this::attempt));
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1_000, "fails fast, not at the deadline");
    assertEquals(StatusCode.UNAVAILABLE, ((SlackerException) failure).code());
    assertTrue(failure.getMessage().contains("'inventory'"), failure.getMessage());
  }

  @Test
  void unsentCallFailsOverAndTheDeadServerLeavesRotation() throws Exception {
    discovery.add("greeter", A).add("greeter", B);
    failing.put(A, new NotSent("connection refused"));
    ClusterRouter router = router(new ClusterClientOptions().setLoadBalancer("round-robin").setProbeInitialMillis(60_000));
    for (int i = 0; i < 10; i++) {
      assertEquals("hi from 7102", await(router.call("greeter", Grouping.one(), false, null, 1_000, this::attempt)));
    }
    assertTrue(calls.stream().filter(A::equals).count() <= 1, "A is tried at most once, then out of rotation: " + calls);
  }

  @Test
  void lostConnectionIsRetriedOnlyForIdempotentMethods() throws Exception {
    discovery.add("greeter", A).add("greeter", B);
    SlackerException lost = new SlackerException(StatusCode.UNAVAILABLE, "connection lost");
    failing.put(A, lost);
    failing.put(B, lost);
    ClusterRouter router = router(new ClusterClientOptions());
    assertEquals(lost, failureOf(router.call("greeter", Grouping.one(), false, null, 1_000, this::attempt)));
    assertEquals(1, calls.size(), "a call that may have run is not repeated");

    calls.clear();
    failing.remove(B);
    discovery.remove("greeter", A).remove("greeter", B).add("greeter", A).add("greeter", B);
    ClusterRouter fresh = router(new ClusterClientOptions().setLoadBalancer("round-robin"));
    for (int i = 0; i < 4; i++) {
      assertEquals("hi from 7102", await(fresh.call("greeter", Grouping.one(), true, null, 1_000, this::attempt)));
    }
  }

  @Test
  void failoverStopsAtMaxAttempts() {
    discovery.add("greeter", A).add("greeter", B).add("greeter", C);
    failing.put(A, new NotSent("refused"));
    failing.put(B, new NotSent("refused"));
    failing.put(C, new NotSent("refused"));
    ClusterRouter router = router(new ClusterClientOptions().setMaxAttempts(2));
    failureOf(router.call("greeter", Grouping.one(), true, null, 1_000, this::attempt));
    assertEquals(2, calls.size());
  }

  @Test
  void serverComesBackWhenItRegistersAgain() throws Exception {
    discovery.add("greeter", A);
    failing.put(A, new NotSent("refused"));
    ClusterRouter router = router(new ClusterClientOptions().setProbeInitialMillis(60_000).setEmptyProtectionMillis(0));
    failureOf(router.call("greeter", Grouping.one(), false, null, 1_000, this::attempt));
    Throwable failure = failureOf(router.call("greeter", Grouping.one(), false, null, 1_000, this::attempt));
    assertTrue(failure.getMessage().contains("no server available"), "ejected: " + failure.getMessage());

    failing.remove(A);
    discovery.remove("greeter", A);
    discovery.add("greeter", A);
    long waited = 0;
    while (waited < 5_000) {
      if (await(router.servers("greeter", 1_000)).size() == 1) {
        break;
      }
      Thread.sleep(10);
      waited += 10;
    }
    assertEquals("hi from 7101", await(router.call("greeter", Grouping.one(), false, null, 1_000, this::attempt)));
  }

  @Test
  void ejectedServerComesBackOnceAProbeIsAnswered() throws Exception {
    // A server that answers the probe's handshake, as any Slacker server does.
    NetServer listener = vertx.createNetServer().connectHandler(socket -> socket.handler(
        data -> socket.write(FrameEncoder.hello(1024, new int[]{1}))));
    int port = await(listener.listen(0, "127.0.0.1")).actualPort();
    SocketAddress live = SocketAddress.inetSocketAddress(port, "127.0.0.1");
    discovery.add("greeter", live);
    failing.put(live, new NotSent("refused"));
    ClusterRouter router = router(new ClusterClientOptions().setProbeInitialMillis(100));
    failureOf(router.call("greeter", Grouping.one(), false, null, 1_000, this::attempt));
    assertTrue(await(router.servers("greeter", 1_000)).isEmpty(), "out of rotation after the failure");
    failing.remove(live);
    long start = System.nanoTime();
    while (await(router.servers("greeter", 1_000)).isEmpty() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5)) {
      Thread.sleep(10);
    }
    assertEquals("hi from " + port, await(router.call("greeter", Grouping.one(), false, null, 1_000, this::attempt)));
  }

  @Test
  void emptyUpdateIsDistrustedForTheProtectionTime() throws Exception {
    discovery.add("greeter", A);
    ClusterRouter router = router(new ClusterClientOptions().setEmptyProtectionMillis(800));
    await(router.call("greeter", Grouping.one(), false, null, 1_000, this::attempt));
    discovery.remove("greeter", A);
    Thread.sleep(200);
    assertEquals("hi from 7101", await(router.call("greeter", Grouping.one(), false, null, 1_000, this::attempt)),
        "the last known server is still used");
    Thread.sleep(1_000);
    Throwable failure = failureOf(router.call("greeter", Grouping.one(), false, null, 1_000, this::attempt));
    assertEquals(StatusCode.UNAVAILABLE, ((SlackerException) failure).code(), "the empty list is accepted once it held");
  }

  @Test
  void leaderCallsGoToTheLeader() throws Exception {
    discovery.add("ledger", A).add("ledger", B).setLeader("ledger", B);
    ClusterRouter router = router(new ClusterClientOptions());
    for (int i = 0; i < 5; i++) {
      assertEquals("hi from 7102", await(router.call("ledger", Grouping.leader(), false, null, 1_000, this::attempt)));
    }
    assertEquals(B, await(router.leader("ledger", 1_000)));
    discovery.setLeader("ledger", null);
    Thread.sleep(100);
    Throwable failure = failureOf(router.call("ledger", Grouping.leader(), false, null, 1_000, this::attempt));
    assertTrue(failure.getMessage().contains("has no leader"), failure.getMessage());
  }

  @Test
  void leaderCallWaitsForTheNextLeaderWhenTheLeaderIsUnreachable() throws Exception {
    discovery.add("ledger", A).add("ledger", B).setLeader("ledger", A);
    failing.put(A, new NotSent("refused"));
    ClusterRouter router = router(new ClusterClientOptions().setProbeInitialMillis(60_000));
    Future<String> call = router.call("ledger", Grouping.leader(), false, null, 5_000, this::attempt);
    Thread.sleep(300);
    discovery.setLeader("ledger", B);
    assertEquals("hi from 7102", await(call));

    discovery.setLeader("ledger", A);
    Thread.sleep(100);
    long start = System.nanoTime();
    failureOf(router.call("ledger", Grouping.leader(), false, null, 400, this::attempt));
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(waited >= 350, "waited for a successor up to the deadline: " + waited);
  }

  @Test
  void consistentHashSendsAKeyToOneServer() throws Exception {
    discovery.add("cache", A).add("cache", B).add("cache", C);
    ClusterRouter router = router(new ClusterClientOptions().setLoadBalancer("consistent-hash"));
    for (int i = 0; i < 20; i++) {
      await(router.call("cache", Grouping.one(), false, "user-42", 1_000, this::attempt));
    }
    assertEquals(1, Set.copyOf(calls).size(), "all calls with one key on one server: " + calls);
  }

  @Test
  void allCollectsEveryServerUnderItsPolicy() throws Exception {
    discovery.add("greeter", A).add("greeter", B).add("greeter", C);
    failing.put(C, new SlackerException(StatusCode.APPLICATION_ERROR, "boom"));
    ClusterRouter router = router(new ClusterClientOptions());

    GroupResult<String> result = await(router.callGroup("greeter", Grouping.all(GroupPolicy.NEVER_FAIL), 1_000, this::attempt));
    assertEquals(List.of("hi from 7101", "hi from 7102"), result.values());
    assertEquals(Set.of(C), result.failures().keySet());

    Throwable failure = failureOf(router.callGroup("greeter", Grouping.all(), 1_000, this::attempt));
    assertInstanceOf(GroupCallException.class, failure);
    assertEquals(StatusCode.APPLICATION_ERROR, ((GroupCallException) failure).code());

    assertEquals(3, await(router.callGroup("greeter", Grouping.all(GroupPolicy.FAIL_IF_ALL_FAIL), 1_000, this::attempt)).size());

    Grouping concat = Grouping.all(GroupPolicy.FAIL_IF_ALL_FAIL).withMerge((GroupResult<String> r) -> String.join("+", r.values()));
    assertEquals("hi from 7101+hi from 7102", await(router.callGroupMerged("greeter", concat, 1_000, this::attempt)));

    GroupResult<String> listed = await(router.callGroup("anything", Grouping.servers(List.of(B)), 1_000, this::attempt));
    assertEquals(List.of("hi from 7102"), listed.values(), "an explicit list needs no discovery");
  }

  @Test
  void attemptsThatKeepGettingNoAnswerTakeTheServerOutOfRotation() throws Exception {
    discovery.add("greeter", A).add("greeter", B);
    failing.put(A, new NoAnswer("no answer"));
    ClusterRouter router = router(new ClusterClientOptions().setLoadBalancer("round-robin").setProbeInitialMillis(60_000));
    for (int i = 0; i < 10; i++) {
      router.call("greeter", Grouping.one(), true, null, 1_000, this::attempt)
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    assertEquals(2, calls.stream().filter(A::equals).count(), "two unanswered attempts, then out of rotation: " + calls);
    assertEquals(List.of(B), await(router.servers("greeter", 1_000)).stream().map(s -> s.address()).toList());
  }

  @Test
  void aCallThatWaitedForALeaderIsNotSentWithTooLittleTimeLeft() throws Exception {
    discovery.add("ledger", A).add("ledger", B).setLeader("ledger", A);
    failing.put(A, new NotSent("refused"));
    ClusterRouter router = router(new ClusterClientOptions().setProbeInitialMillis(60_000).setMinAttemptMillis(300));
    Future<String> call = router.call("ledger", Grouping.leader(), false, null, 500, this::attempt);
    Thread.sleep(250);
    discovery.setLeader("ledger", B);
    Throwable failure = failureOf(call);
    assertEquals(StatusCode.UNAVAILABLE, ((SlackerException) failure).code());
    assertEquals(0, calls.stream().filter(B::equals).count(), "the new leader got no attempt with under 300 ms left");
  }

  @Test
  void aServerThatAcceptsButNeverAnswersTheHandshakeStaysOut() throws Exception {
    // Connects succeed, as the kernel accepts them for a paused process, but nothing answers.
    NetServer mute = vertx.createNetServer().connectHandler(socket -> { });
    int port = await(mute.listen(0, "127.0.0.1")).actualPort();
    SocketAddress paused = SocketAddress.inetSocketAddress(port, "127.0.0.1");
    discovery.add("greeter", paused);
    failing.put(paused, new NotSent("refused"));
    ClusterRouter router = router(new ClusterClientOptions().setProbeInitialMillis(50).setProbeMaxMillis(50));
    failureOf(router.call("greeter", Grouping.one(), false, null, 1_000, this::attempt));
    Thread.sleep(1_000);
    assertTrue(await(router.servers("greeter", 1_000)).isEmpty(), "still out of rotation after many probes");
  }
}
