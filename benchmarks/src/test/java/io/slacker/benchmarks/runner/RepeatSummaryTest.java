package io.slacker.benchmarks.runner;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The summary of a --repeat run: ratios taken within each round, then median and range, on made-up numbers. */
class RepeatSummaryTest {

  @Test
  void ratiosAreTakenPerRoundThenGivenAsMedianAndRange() {
    // round 2 is slow for both systems: its ratio stays 2.0 though both calls/s fell
    JsonArray rounds = new JsonArray()
        .add(round(40_000, 10_000))
        .add(round(20_000, 10_000))
        .add(round(30_000, 10_000));
    JsonObject results = new JsonObject().put("plan", new JsonObject().put("levels", new JsonArray().add(32))).put("rounds", rounds);

    String markdown = RepeatSummary.markdown(results);

    assertTrue(markdown.contains("## Across the 3 rounds"), markdown);
    assertTrue(markdown.contains("| slacker-binary | 1.00 (1.00–1.00) | 3.00 (2.00–4.00) |"), markdown);
    assertTrue(markdown.contains("| grpc-java | 0.33 (0.25–0.50) | 1.00 (1.00–1.00) |"), markdown);
    assertTrue(markdown.contains("| slacker-binary | 30,000 (20,000–40,000) | 10.0 (10.0–10.0) | 5.0 (5.0–5.0) |"), markdown);
  }

  @Test
  void aRoundWithoutTheLevelIsLeftOutAndNoValuesGiveADash() {
    JsonArray rounds = new JsonArray().add(round(40_000, 10_000)).add(new JsonArray()
        .add(new JsonObject().put("system", "slacker-binary").put("levels", new JsonArray()))
        .add(new JsonObject().put("system", "grpc-java").put("levels", new JsonArray())));

    assertEquals(List.of(4.0), RepeatSummary.ratios(rounds, "slacker-binary", "grpc-java", 32));
    assertEquals("-", RepeatSummary.spread(List.of(), "%.2f"));
    assertEquals("2.50 (2.00–4.00)", RepeatSummary.spread(List.of(4.0, 2.0, 3.0, 2.0), "%.2f"));
    assertFalse(RepeatSummary.ratios(rounds, "slacker-binary", "dubbo", 32).iterator().hasNext());
  }

  private static JsonArray round(double slacker, double grpc) {
    return new JsonArray().add(system("slacker-binary", slacker)).add(system("grpc-java", grpc));
  }

  private static JsonObject system(String label, double callsPerSecond) {
    JsonObject level = new JsonObject().put("inFlight", 32).put("callsPerSecond", callsPerSecond)
        .put("clientCpuMicrosPerCall", 10.0).put("serverCpuMicrosPerCall", 5.0);
    return new JsonObject().put("system", label).put("status", "ok").put("levels", new JsonArray().add(level));
  }
}
