package io.slacker.test;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard that every network test relies on does notice a blocked event loop. */
class BlockedThreadGuardTest {

  @Test
  void aBlockedEventLoopFailsTheTest() throws Exception {
    BlockedThreadGuard guard = new BlockedThreadGuard();
    Vertx vertx = TestVertx.create();
    try {
      guard.beforeEach(null);
      CountDownLatch done = new CountDownLatch(1);
      vertx.runOnContext(v -> {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TestVertx.MAX_EVENT_LOOP_MILLIS * 3);
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
        done.countDown();
      });
      assertTrue(done.await(5, TimeUnit.SECONDS));
      AssertionError failure = assertThrows(AssertionError.class, () -> guard.afterEach(null));
      assertTrue(failure.getMessage().contains("has been blocked for"), failure.getMessage());
    } finally {
      vertx.close().await(5, TimeUnit.SECONDS);
    }
  }
}
