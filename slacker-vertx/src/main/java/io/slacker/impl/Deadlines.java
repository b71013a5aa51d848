package io.slacker.impl;

import io.vertx.core.internal.ContextInternal;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The deadlines of one connection's calls behind a single timer. A Vert.x timer per call cost a
 * timer and a map entry to set and again to cancel, for every call, though almost every call is
 * answered long before its deadline. Here a call's deadline is an entry in a heap ordered by
 * deadline (adding and removing one is a few comparisons, and allocates nothing), and one timer
 * waits for the earliest. It is set again only when a call with an earlier deadline arrives, or
 * when it fires. Confined to the connection's event loop, like everything else of a connection.
 */
public final class Deadlines {

  /** Something with a deadline, in at most one {@link Deadlines} at a time. */
  public abstract static class Entry {
    private long deadlineNanos;
    private int index = -1;

    /** The deadline passed before the entry was removed; it is no longer in the heap. */
    protected abstract void expire();
  }

  private final ContextInternal context;
  private Entry[] heap = new Entry[16];
  private int size;
  private long timer = -1;
  private long timerDeadline;

  /** @param context the connection's, where entries are added and removed and expire */
  public Deadlines(ContextInternal context) {
    this.context = context;
  }

  /** Expires {@code entry} after {@code timeoutMillis}, unless it is removed first. */
  public void add(Entry entry, long timeoutMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    entry.deadlineNanos = deadline;
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    entry.index = size;
    heap[size++] = entry;
    siftUp(entry.index);
    if (timer < 0 || deadline - timerDeadline < 0) {
      arm(deadline);
    }
  }

  /** Forgets {@code entry}'s deadline; nothing happens if it has none here (expired or never added). */
  public void remove(Entry entry) {
    int at = entry.index;
    if (at < 0 || at >= size || heap[at] != entry) {
      return;
    }
    removeAt(at);
    // The timer stays: if it fires early, it finds nothing due and waits for the next deadline.
    if (size == 0) {
      disarm();
    }
  }

  /** @return how many deadlines are pending */
  public int size() {
    return size;
  }

  /** Forgets every deadline, expiring none, and stops the timer. */
  public void clear() {
    for (int i = 0; i < size; i++) {
      heap[i].index = -1;
      heap[i] = null;
    }
    size = 0;
    disarm();
  }

  private void arm(long deadline) {
    disarm();
    timerDeadline = deadline;
    // Vert.x timers count whole milliseconds from now: round up, never fire before the deadline.
    long delayMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime() + 999_999));
    timer = context.setTimer(delayMillis, id -> fire());
  }

  private void disarm() {
    if (timer >= 0) {
      context.owner().cancelTimer(timer);
      timer = -1;
    }
  }

  private void fire() {
    timer = -1;
    long now = System.nanoTime();
    while (size > 0 && heap[0].deadlineNanos - now <= 0) {
      Entry due = heap[0];
      removeAt(0);
      due.expire();
    }
    if (size > 0 && timer < 0) {
      arm(heap[0].deadlineNanos);
    }
  }

  private void removeAt(int at) {
    Entry removed = heap[at];
    removed.index = -1;
    Entry last = heap[--size];
    heap[size] = null;
    if (at < size) {
      heap[at] = last;
      last.index = at;
      siftDown(at);
      siftUp(last.index);
    }
  }

  private void siftUp(int at) {
    Entry entry = heap[at];
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (heap[parent].deadlineNanos - entry.deadlineNanos <= 0) {
        break;
      }
      place(heap[parent], at);
      at = parent;
    }
    place(entry, at);
  }

  private void siftDown(int at) {
    Entry entry = heap[at];
    int half = size >>> 1;
    while (at < half) {
      int child = 2 * at + 1;
      int right = child + 1;
      if (right < size && heap[right].deadlineNanos - heap[child].deadlineNanos < 0) {
        child = right;
      }
      if (entry.deadlineNanos - heap[child].deadlineNanos <= 0) {
        break;
      }
      place(heap[child], at);
      at = child;
    }
    place(entry, at);
  }

  private void place(Entry entry, int at) {
    heap[at] = entry;
    entry.index = at;
  }
}
