package io.slacker.benchmarks.runner;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The part of results.md that covers every round of a {@code --repeat} run: for each level the
 * median and the range (min–max) of calls/s, of CPU per call and of every throughput ratio, each
 * ratio taken within one round, so that a noisy round cannot carry a claim alone.
 */
final class RepeatSummary {

  private RepeatSummary() {
  }

  static String markdown(JsonObject results) {
    JsonArray rounds = results.getJsonArray("rounds");
    JsonArray first = rounds.getJsonArray(0);
    StringBuilder md = new StringBuilder();
    md.append("\n## Across the ").append(rounds.size()).append(" rounds: median (min–max)\n\n")
        .append("Systems ran interleaved, one round after the other; the tables above are round 1. Ratios are taken "
            + "within each round, then summarized.\n");
    for (Object inFlight : results.getJsonObject("plan").getJsonArray("levels")) {
      int level = (Integer) inFlight;
      md.append("\n### ").append(level).append(" in flight\n\n")
          .append("| system | calls/s | client CPU us/call | server CPU us/call |\n|---|---:|---:|---:|\n");
      for (int i = 0; i < first.size(); i++) {
        String name = first.getJsonObject(i).getString("system");
        md.append("| ").append(name)
            .append(" | ").append(spread(values(rounds, name, level, l -> l.getDouble("callsPerSecond")), "%,.0f"))
            .append(" | ").append(spread(values(rounds, name, level, l -> l.getDouble("clientCpuMicrosPerCall")), "%.1f"))
            .append(" | ").append(spread(values(rounds, name, level, l -> l.getDouble("serverCpuMicrosPerCall")), "%.1f"))
            .append(" |\n");
      }
      md.append("\nThroughput ratios (row / column):\n\n|  |");
      for (int i = 0; i < first.size(); i++) {
        md.append(' ').append(first.getJsonObject(i).getString("system")).append(" |");
      }
      md.append("\n|---|").append("---:|".repeat(first.size())).append('\n');
      for (int row = 0; row < first.size(); row++) {
        String mine = first.getJsonObject(row).getString("system");
        md.append("| ").append(mine).append(" |");
        for (int column = 0; column < first.size(); column++) {
          md.append(' ').append(spread(ratios(rounds, mine, first.getJsonObject(column).getString("system"), level), "%.2f"))
              .append(" |");
        }
        md.append('\n');
      }
    }
    return md.toString();
  }

  /** @return {@code mine / theirs} in each round where both completed the level */
  static List<Double> ratios(JsonArray rounds, String mine, String theirs, int inFlight) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < rounds.size(); i++) {
      JsonObject a = ResultsTable.level(rounds.getJsonArray(i), mine, inFlight);
      JsonObject b = ResultsTable.level(rounds.getJsonArray(i), theirs, inFlight);
      if (a != null && b != null && b.getDouble("callsPerSecond") > 0) {
        ratios.add(a.getDouble("callsPerSecond") / b.getDouble("callsPerSecond"));
      }
    }
    return ratios;
  }

  private static List<Double> values(JsonArray rounds, String name, int inFlight, ToDoubleFunction<JsonObject> value) {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < rounds.size(); i++) {
      JsonObject level = ResultsTable.level(rounds.getJsonArray(i), name, inFlight);
      if (level != null) {
        values.add(value.applyAsDouble(level));
      }
    }
    return values;
  }

  /** @return "median (min–max)", or "-" without values; a round without the level is left out */
  static String spread(List<Double> values, String format) {
    if (values.isEmpty()) {
      return "-";
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median, sorted.get(0), sorted.get(n - 1));
  }
}
