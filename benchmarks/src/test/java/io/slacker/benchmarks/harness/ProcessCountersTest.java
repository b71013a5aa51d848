package io.slacker.benchmarks.harness;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading the system-call counters of /proc/<pid>/io. */
class ProcessCountersTest {

  @Test
  void readsSyscrAndSyscw() {
    String io = "rchar: 6976\nwchar: 12\nsyscr: 10\nsyscw: 3\nread_bytes: 0\nwrite_bytes: 0\ncancelled_write_bytes: 0\n";
    assertArrayEquals(new long[] {10, 3}, ProcessCounters.parseSyscalls(io));
  }

  @Test
  void aMissingCounterIsMinusOneAndSpoilsTheDifference() {
    assertArrayEquals(new long[] {-1, 7}, ProcessCounters.parseSyscalls("syscw: 7\n"));
    assertEquals(-1, ProcessCounters.since(-1, 5));
    assertEquals(4, ProcessCounters.since(1, 5));
  }
}
