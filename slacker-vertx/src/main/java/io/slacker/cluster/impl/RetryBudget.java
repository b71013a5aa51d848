package io.slacker.cluster.impl;

import java.util.function.LongSupplier;

/**
 * Bounds retries to a share of the traffic, so that failing servers do not multiply the load:
 * over a sliding window, retries may reach {@code ratio} of the calls made plus a small
 * allowance per second that lets a quiet client retry at all. Counts live in one-second slots.
 */
public final class RetryBudget {

  private final double ratio;
  private final int minPerSecond;
  private final int slots;
  private final LongSupplier clockMillis;
  private final long[] calls;
  private final long[] retries;
  private long currentSecond;

  public RetryBudget(double ratio, int minPerSecond, long windowMillis) {
    this(ratio, minPerSecond, windowMillis, System::currentTimeMillis);
  }

  RetryBudget(double ratio, int minPerSecond, long windowMillis, LongSupplier clockMillis) {
    this.ratio = ratio;
    this.minPerSecond = minPerSecond;
    this.slots = (int) Math.max(1, windowMillis / 1000);
    this.clockMillis = clockMillis;
    this.calls = new long[slots];
    this.retries = new long[slots];
    this.currentSecond = clockMillis.getAsLong() / 1000;
  }

  /** Counts a first attempt. */
  public synchronized void onCall() {
    advance();
    calls[slot(currentSecond)]++;
  }

  /** @return whether a retry may be made now; if so it is counted */
  public synchronized boolean tryRetry() {
    advance();
    long callSum = 0;
    long retrySum = 0;
    for (int i = 0; i < slots; i++) {
      callSum += calls[i];
      retrySum += retries[i];
    }
    double allowed = (double) minPerSecond * slots + ratio * callSum;
    if (retrySum + 1 > allowed) {
      return false;
    }
    retries[slot(currentSecond)]++;
    return true;
  }

  private void advance() {
    long now = clockMillis.getAsLong() / 1000;
    long steps = Math.min(now - currentSecond, slots);
    for (long s = 1; s <= steps; s++) {
      int slot = slot(currentSecond + s);
      calls[slot] = 0;
      retries[slot] = 0;
    }
    if (now > currentSecond) {
      currentSecond = now;
    }
  }

  private int slot(long second) {
    return (int) Math.floorMod(second, (long) slots);
  }
}
