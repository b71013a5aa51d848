package io.slacker.chaos;

import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.SlackerClient;
import io.slacker.cluster.GroupPolicy;
import io.slacker.cluster.GroupResult;
import io.slacker.cluster.Grouping;
import io.slacker.cluster.ServerResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Keeps {@code concurrency} calls in flight on one event loop, mixing the {@link CallKind}s, each
 * with a unique call id in its metadata, and records every outcome. Stops when asked, or by
 * itself after {@code maxMillis}.
 */
final class LoadClient {

  private final Vertx vertx;
  private final SlackerClient client;
  private final int concurrency;
  private final long pauseMillis;
  private final long maxMillis;
  private final Random random;
  private final Context context;
  // Touched only on {@link #context}.
  private final List<Outcome> outcomes = new ArrayList<>();
  private final Promise<List<Outcome>> done = Promise.promise();
  private long nextId;
  private int running;
  private long startedAt;
  private volatile boolean stopping;
  private volatile long lastLeaderSuccess;

  LoadClient(Vertx vertx, SlackerClient client, int concurrency, long pauseMillis, long maxMillis, long seed) {
    this.vertx = vertx;
    this.client = client;
    this.concurrency = concurrency;
    this.pauseMillis = pauseMillis;
    this.maxMillis = maxMillis;
    this.random = new Random(seed);
    this.context = vertx.getOrCreateContext();
  }

  void start() {
    context.runOnContext(v -> {
      startedAt = System.nanoTime();
      for (int i = 0; i < concurrency; i++) {
        running++;
        next();
      }
    });
  }

  Future<List<Outcome>> stop() {
    stopping = true;
    return done.future();
  }

  /** @return when (System.nanoTime) a LEADER call last succeeded, 0 if none has */
  long lastLeaderSuccess() {
    return lastLeaderSuccess;
  }

  private void next() {
    if (stopping || System.nanoTime() - startedAt > maxMillis * 1_000_000) {
      if (--running == 0) {
        done.complete(List.copyOf(outcomes));
      }
      return;
    }
    CallKind kind = pick();
    String id = "c" + (++nextId);
    long start = System.nanoTime();
    call(kind, id).onComplete(ar -> {
      if (ar.succeeded() && kind.leader()) {
        lastLeaderSuccess = System.nanoTime();
      }
      outcomes.add(ar.succeeded() ? ar.result() : new Outcome(id, kind, start, System.nanoTime(), null, ar.cause(), Map.of()));
      // A pause keeps a loop that fails at once from spinning, and the load bounded on a small machine.
      vertx.setTimer(pauseMillis, t -> next());
    });
  }

  private CallKind pick() {
    int roll = random.nextInt(100);
    for (CallKind kind : CallKind.values()) {
      roll -= kind.weight;
      if (roll < 0) {
        return kind;
      }
    }
    throw new IllegalStateException("weights must add up to 100");
  }

  private Future<Outcome> call(CallKind kind, String id) {
    long start = System.nanoTime();
    CallOptions options = new CallOptions().putMetadata(ExecutionLog.CALL_ID, id);
    return switch (kind) {
      case ONE_IDEMPOTENT -> single(kind, id, start, EchoSlackerBinding.PING, options.setGrouping(Grouping.one()));
      case ONE_PLAIN -> single(kind, id, start, EchoSlackerBinding.TOUCH, options.setGrouping(Grouping.one()));
      case LEADER_IDEMPOTENT -> single(kind, id, start, LedgerSlackerBinding.READ, options.setGrouping(Grouping.leader()));
      case LEADER_PLAIN -> single(kind, id, start, LedgerSlackerBinding.APPEND, options.setGrouping(Grouping.leader()));
      case ALL -> client.<String>group(EchoSlackerBinding.PING, new Object[0], Grouping.all(GroupPolicy.NEVER_FAIL), options)
          .map(result -> all(id, start, result));
    };
  }

  private Future<Outcome> single(CallKind kind, String id, long start, MethodDescriptor method, CallOptions options) {
    return client.<String>call(method, new Object[0], options)
        .map(answer -> new Outcome(id, kind, start, System.nanoTime(), answer, null, Map.of()));
  }

  private static Outcome all(String id, long start, GroupResult<String> result) {
    Map<String, Throwable> failures = new HashMap<>();
    for (ServerResult<String> server : result.results()) {
      if (!server.succeeded()) {
        failures.put(server.server().host() + ":" + server.server().port(), server.failure());
      }
    }
    Throwable failure = failures.isEmpty() ? null : failures.values().iterator().next();
    return new Outcome(id, CallKind.ALL, start, System.nanoTime(), null, failure, Map.copyOf(failures));
  }
}
