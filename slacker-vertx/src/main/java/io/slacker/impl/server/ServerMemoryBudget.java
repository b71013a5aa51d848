package io.slacker.impl.server;

import java.util.concurrent.atomic.AtomicLong;

/** The bytes all of a server's connections hold together; shared by its event loops. */
final class ServerMemoryBudget {

  private final long limit;
  private final AtomicLong held = new AtomicLong();

  ServerMemoryBudget(long limit) {
    this.limit = limit;
  }

  /** @return whether {@code bytes} fit and are now held */
  boolean tryReserve(long bytes) {
    long current;
    do {
      current = held.get();
      if (current + bytes > limit) {
        return false;
      }
    } while (!held.compareAndSet(current, current + bytes));
    return true;
  }

  /** Holds {@code bytes} even over the limit: for what exists already, such as a response being written. */
  void force(long bytes) {
    held.addAndGet(bytes);
  }

  void release(long bytes) {
    held.addAndGet(-bytes);
  }

  long held() {
    return held.get();
  }

  long limit() {
    return limit;
  }
}
