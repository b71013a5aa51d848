package io.slacker.benchmarks.harness;

import java.lang.management.ManagementFactory;

/**
 * What this JVM has spent so far: CPU time of the whole process (every thread, GC and JIT
 * included) and bytes allocated by the threads alive now, from HotSpot's per-thread counters.
 * Threads that ended are missing from the sum; the systems measured keep their threads.
 */
public final class ProcessCounters {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private ProcessCounters() {
  }

  public static Snapshot snapshot() {
    long allocated = 0;
    for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
      if (bytes > 0) {
        allocated += bytes;
      }
    }
    return new Snapshot(OS.getProcessCpuTime(), allocated);
  }

  /** CPU nanoseconds and allocated bytes at one instant. */
  public record Snapshot(long cpuNanos, long allocatedBytes) {
  }
}
