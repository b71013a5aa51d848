package io.slacker.cluster.impl;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryBudgetTest {

  private final AtomicLong now = new AtomicLong(1_000_000);

  @Test
  void quietClientGetsItsMinimumAllowance() {
    RetryBudget budget = new RetryBudget(0.2, 2, 3_000, now::get);
    int granted = grant(budget, 100);
    assertEquals(2 * 3, granted, "min 2 per second over a 3 s window, with no calls");
  }

  @Test
  void busyClientMayRetryTheRatioOfItsCalls() {
    RetryBudget budget = new RetryBudget(0.1, 0, 10_000, now::get);
    for (int i = 0; i < 1_000; i++) {
      budget.onCall();
    }
    assertEquals(100, grant(budget, 1_000));
    assertFalse(budget.tryRetry());
  }

  @Test
  void budgetRefillsAsTheWindowSlides() {
    RetryBudget budget = new RetryBudget(0.5, 0, 2_000, now::get);
    for (int i = 0; i < 10; i++) {
      budget.onCall();
    }
    assertEquals(5, grant(budget, 100));
    now.addAndGet(2_000);
    assertFalse(budget.tryRetry(), "old calls left the window with their deposits");
    for (int i = 0; i < 4; i++) {
      budget.onCall();
    }
    assertTrue(budget.tryRetry());
    assertTrue(budget.tryRetry());
    assertFalse(budget.tryRetry());
  }

  private static int grant(RetryBudget budget, int attempts) {
    int granted = 0;
    for (int i = 0; i < attempts; i++) {
      if (budget.tryRetry()) {
        granted++;
      }
    }
    return granted;
  }
}
