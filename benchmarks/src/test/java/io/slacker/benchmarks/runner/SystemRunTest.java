package io.slacker.benchmarks.runner;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Per-call costs joined from the client's level and the server's counters, on made-up numbers. */
class SystemRunTest {

  @Test
  void readsAndWritesPerCallOfBothSides() {
    JsonObject level = level(300, 100);
    JsonObject joined = SystemRun.withServer(level, server(1_000, 2_000), server(1_050, 2_025));

    assertEquals(0.3, joined.getDouble("clientReadsPerCall"), 1e-9);
    assertEquals(0.1, joined.getDouble("clientWritesPerCall"), 1e-9);
    assertEquals(0.05, joined.getDouble("serverReadsPerCall"), 1e-9);
    assertEquals(0.025, joined.getDouble("serverWritesPerCall"), 1e-9);
  }

  @Test
  void missingCountsStayMissingInsteadOfBecomingZero() {
    JsonObject joined = SystemRun.withServer(level(-1, -1), server(-1, -1), server(-1, -1));

    assertNull(joined.getDouble("clientReadsPerCall"));
    assertNull(joined.getDouble("serverWritesPerCall"));
  }

  private static JsonObject level(long reads, long writes) {
    return new JsonObject().put("calls", 1_000L).put("seconds", 1.0).put("clientCpuNanos", 1_000_000L)
        .put("clientAllocatedBytes", 1_000L).put("clientReadSyscalls", reads).put("clientWriteSyscalls", writes);
  }

  private static JsonObject server(long reads, long writes) {
    return new JsonObject().put("cpuNanos", 0L).put("allocatedBytes", 0L).put("readSyscalls", reads).put("writeSyscalls", writes);
  }
}
