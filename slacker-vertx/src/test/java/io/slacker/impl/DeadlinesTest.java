package io.slacker.impl;

import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many deadlines behind one timer: each expires once, in deadline order, not before its time, and never once removed. */
class DeadlinesTest {

  private final Vertx vertx = Vertx.vertx();
  private final ContextInternal context = ((VertxInternal) vertx).createEventLoopContext();
  private final Deadlines deadlines = new Deadlines(context);
  private final List<Call> expired = new CopyOnWriteArrayList<>();

  private final class Call extends Deadlines.Entry {
    final String name;
    final long addedNanos = System.nanoTime();
    final long timeoutMillis;
    volatile long expiredNanos;

    Call(String name, long timeoutMillis) {
      this.name = name;
      this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected void expire() {
      expiredNanos = System.nanoTime();
      expired.add(this);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private <T> T onLoop(java.util.concurrent.Callable<T> action) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        result.complete(action.call());
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    });
    return result.get(10, TimeUnit.SECONDS);
  }

  private void awaitExpired(int count) throws InterruptedException {
    for (int i = 0; i < 500 && expired.size() < count; i++) {
      Thread.sleep(10);
    }
  }

  @Test
  void entriesExpireInDeadlineOrderAndNotBeforeTheirTime() throws Exception {
    List<Call> calls = new ArrayList<>();
    Random random = new Random(7);
    onLoop(() -> {
      for (int i = 0; i < 200; i++) {
        Call call = new Call("call " + i, 20 + random.nextInt(200));
        calls.add(call);
        deadlines.add(call, call.timeoutMillis);
      }
      return null;
    });
    awaitExpired(200);

    assertEquals(200, expired.size());
    for (Call call : calls) {
      assertTrue(call.expiredNanos - call.addedNanos >= TimeUnit.MILLISECONDS.toNanos(call.timeoutMillis),
          call + " expired early");
    }
    for (int i = 1; i < expired.size(); i++) {
      Call before = expired.get(i - 1);
      Call after = expired.get(i);
      assertTrue(before.addedNanos + TimeUnit.MILLISECONDS.toNanos(before.timeoutMillis)
          <= after.addedNanos + TimeUnit.MILLISECONDS.toNanos(after.timeoutMillis), before + " expired after " + after);
    }
    assertEquals(0, (int) onLoop(deadlines::size));
  }

  @Test
  void aRemovedEntryNeverExpires() throws Exception {
    List<Call> kept = new ArrayList<>();
    onLoop(() -> {
      for (int i = 0; i < 100; i++) {
        Call call = new Call("call " + i, 30 + i);
        deadlines.add(call, call.timeoutMillis);
        if (i % 3 == 0) {
          kept.add(call);
        } else {
          deadlines.remove(call);
        }
      }
      return null;
    });
    awaitExpired(kept.size());
    Thread.sleep(200);

    assertEquals(kept, expired);
  }

  @Test
  void anEarlierDeadlineAddedLaterStillExpiresOnTime() throws Exception {
    Call late = new Call("late", 5_000);
    Call early = new Call("early", 30);
    onLoop(() -> {
      deadlines.add(late, late.timeoutMillis);
      deadlines.add(early, early.timeoutMillis);
      return null;
    });
    awaitExpired(1);

    assertEquals(List.of(early), expired);
    assertTrue(early.expiredNanos - early.addedNanos < TimeUnit.SECONDS.toNanos(2), "expired within 2 s, not after 5");
    assertEquals(1, (int) onLoop(deadlines::size));
  }

  @Test
  void clearForgetsEveryDeadline() throws Exception {
    onLoop(() -> {
      for (int i = 0; i < 10; i++) {
        deadlines.add(new Call("call " + i, 20), 20);
      }
      deadlines.clear();
      return null;
    });
    Thread.sleep(200);

    assertTrue(expired.isEmpty());
    assertEquals(0, (int) onLoop(deadlines::size));
  }
}
