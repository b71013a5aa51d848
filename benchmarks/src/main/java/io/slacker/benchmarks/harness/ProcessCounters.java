package io.slacker.benchmarks.harness;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this JVM has spent so far: CPU time of the whole process (every thread, GC and JIT
 * included) and bytes allocated by the threads alive now, from HotSpot's per-thread counters.
 * Threads that ended are missing from the sum; the systems measured keep their threads. Also
 * the read and write system calls of the whole process ({@code syscr}/{@code syscw} of
 * {@code /proc/self/io}), which show whether writes are batched: -1 where Linux does not give them.
 */
public final class ProcessCounters {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static final Path IO = Path.of("/proc/self/io");

  private ProcessCounters() {
  }

  public static Snapshot snapshot() {
    long allocated = 0;
    for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
      if (bytes > 0) {
        allocated += bytes;
      }
    }
    long[] syscalls = syscalls();
    return new Snapshot(OS.getProcessCpuTime(), allocated, syscalls[0], syscalls[1]);
  }

  /** @return {@code syscr} and {@code syscw}, or -1 for each where the file is missing */
  private static long[] syscalls() {
    if (!Files.isReadable(IO)) {
      return new long[] {-1, -1};
    }
    try {
      return parseSyscalls(Files.readString(IO));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the count from {@code before} to {@code after}, or -1 where either is missing */
  public static long since(long before, long after) {
    return before < 0 || after < 0 ? -1 : after - before;
  }

  /** @param io the text of a {@code /proc/<pid>/io} file */
  static long[] parseSyscalls(String io) {
    long[] syscalls = {-1, -1};
    for (String line : io.split("\n")) {
      if (line.startsWith("syscr:")) {
        syscalls[0] = Long.parseLong(line.substring(6).trim());
      } else if (line.startsWith("syscw:")) {
        syscalls[1] = Long.parseLong(line.substring(6).trim());
      }
    }
    return syscalls;
  }

  /** CPU nanoseconds, allocated bytes and read and write system calls at one instant. */
  public record Snapshot(long cpuNanos, long allocatedBytes, long readSyscalls, long writeSyscalls) {

    public JsonObject toJson() {
      return new JsonObject().put("cpuNanos", cpuNanos).put("allocatedBytes", allocatedBytes)
          .put("readSyscalls", readSyscalls).put("writeSyscalls", writeSyscalls);
    }
  }
}
