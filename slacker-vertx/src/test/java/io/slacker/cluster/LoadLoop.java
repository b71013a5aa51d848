package io.slacker.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Keeps {@code concurrency} calls in flight, from an event loop, until stopped (or for at most a
 * minute), counting outcomes (failures by exception class and message) and the servers that answered.
 */
final class LoadLoop {

  private static final long MAX_MILLIS = 60_000;

  record Totals(int succeeded, int failed, Map<String, Integer> byServer, Map<String, Integer> failures) {
  }

  private final Vertx vertx;
  private final Supplier<Future<String>> call;
  private final int concurrency;
  private final AtomicInteger succeeded = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final Map<String, Integer> byServer = new ConcurrentHashMap<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lastAnswer = new ConcurrentHashMap<>();
  private final AtomicInteger running = new AtomicInteger();
  private final Promise<Totals> done = Promise.promise();
  private volatile boolean stopping;
  private long startedAt;

  LoadLoop(Vertx vertx, Supplier<Future<String>> call, int concurrency) {
    this.vertx = vertx;
    this.call = call;
    this.concurrency = concurrency;
  }

  void start() {
    startedAt = System.currentTimeMillis();
    vertx.runOnContext(v -> {
      for (int i = 0; i < concurrency; i++) {
        running.incrementAndGet();
        next();
      }
    });
  }

  private void next() {
    if (stopping || System.currentTimeMillis() - startedAt > MAX_MILLIS) {
      if (running.decrementAndGet() == 0) {
        done.tryComplete(new Totals(succeeded.get(), failed.get(), Map.copyOf(byServer), Map.copyOf(failures)));
      }
      return;
    }
    call.get().onComplete(ar -> {
      if (ar.succeeded()) {
        succeeded.incrementAndGet();
        byServer.merge(ar.result(), 1, Integer::sum);
        lastAnswer.computeIfAbsent(ar.result(), k -> new AtomicLong()).set(System.nanoTime());
        next();
      } else {
        failed.incrementAndGet();
        failures.merge(ar.cause().getClass().getSimpleName() + ": " + ar.cause().getMessage(), 1, Integer::sum);
        // A call that fails at once would otherwise recurse and spin; pause like a real caller.
        vertx.setTimer(1, t -> next());
      }
    });
  }

  /** @return the last time (System.nanoTime) {@code server} answered, 0 if never */
  long lastAnswerFrom(String server) {
    AtomicLong last = lastAnswer.get(server);
    return last == null ? 0 : last.get();
  }

  /** @return the calls {@code server} has answered so far */
  int answersFrom(String server) {
    return byServer.getOrDefault(server, 0);
  }

  int succeeded() {
    return succeeded.get();
  }

  Future<Totals> stop() {
    stopping = true;
    return done.future();
  }
}
