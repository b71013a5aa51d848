package io.slacker.benchmarks.runner;

import io.slacker.benchmarks.workload.Operation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's arithmetic and its handling of a failed system, on made-up numbers. */
class ResultsTableTest {

  @Test
  void ratiosAreRowOverColumnAndFailuresAreNamed() {
    JsonObject results = new JsonObject()
        .put("startedAt", "2026-01-01T00:00:00Z")
        .put("machine", new JsonObject().put("cores", 2).put("cpu", "test").put("memoryGiB", 1L)
            .put("os", "test").put("jdk", "test").put("loadAverageAtStart", 0.5))
        .put("plan", RunPlan.quick().toJson())
        .put("systems", new JsonArray()
            .add(system("floor", "ok", 40_000))
            .add(system("grpc-java", "ok", 10_000))
            .add(system("dubbo", "failed", 5_000).put("error", "2 failed calls")));

    String markdown = ResultsTable.markdown(results);

    assertTrue(markdown.contains("| grpc-java | 32 | 10,000 | 0.25 |"), markdown);
    assertTrue(markdown.contains("| grpc-java | 0.25 | 1.00 | 2.00 |"), markdown);
    assertTrue(markdown.contains("| dubbo (FAILED) | 32 |"), markdown);
    assertTrue(markdown.contains("- dubbo: 2 failed calls"), markdown);
    assertTrue(markdown.contains("| 0.500 / 0.030 | 0.400 / 0.020 |"), "reads / writes per call of client, then server: " + markdown);
    assertFalse(markdown.contains("Contended run"), markdown);
    assertTrue(ResultsTable.markdown(results.copy().put("contendedBy", 2)).contains("**Contended run:** 2 busy-loop threads"));
    assertTrue(ResultsChart.svg(results).contains("grpc-java: grpc"), "legend names every system");
  }

  private static JsonObject system(String label, String status, double callsPerSecond) {
    JsonArray levels = new JsonArray();
    for (int inFlight : List.of(1, 32, 256)) {
      JsonObject latency = new JsonObject().put("p50", 100.0).put("p99", 200.0).put("p999", 300.0);
      JsonObject operations = new JsonObject();
      for (Operation operation : Operation.values()) {
        operations.put(operation.methodName(), latency);
      }
      levels.add(new JsonObject().put("inFlight", inFlight).put("callsPerSecond", callsPerSecond)
          .put("latency", latency).put("operations", operations)
          .put("clientCpuMicrosPerCall", 10.0).put("serverCpuMicrosPerCall", 5.0)
          .put("clientBytesPerCall", 1000.0).put("serverBytesPerCall", 500.0)
          .put("clientReadsPerCall", 0.5).put("clientWritesPerCall", 0.03)
          .put("serverReadsPerCall", 0.4).put("serverWritesPerCall", 0.02));
    }
    return new JsonObject().put("system", label).put("description", label + " test").put("status", status).put("levels", levels);
  }
}
