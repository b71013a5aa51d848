package io.slacker.impl.client;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Call ids after the counter wraps: 0 and ids still pending are never handed out. */
class CallIdsTest {

  @Test
  void countsUpFromOne() {
    CallIds ids = new CallIds();
    assertEquals(1, ids.next(id -> false));
    assertEquals(2, ids.next(id -> false));
  }

  @Test
  void aWrappedCounterSkipsZeroAndPendingIds() {
    Set<Integer> pending = Set.of(-1, 1, 2);
    CallIds ids = new CallIds(-3);
    assertEquals(-2, ids.next(pending::contains));
    assertEquals(3, ids.next(pending::contains), "past -1 (pending), 0 (reserved), 1 and 2 (pending)");
  }
}
