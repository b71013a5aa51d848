package io.slacker.benchmarks.runner;

import io.slacker.benchmarks.workload.Operation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Locale;

/** Writes results.md: one table of every system and level, then ratios between systems. */
final class ResultsTable {

  private ResultsTable() {
  }

  static String markdown(JsonObject results) {
    StringBuilder md = new StringBuilder();
    JsonObject machine = results.getJsonObject("machine");
    JsonObject plan = results.getJsonObject("plan");
    JsonArray systems = results.getJsonArray("systems");
    md.append("# Benchmark results: ").append(plan.getString("mode")).append(" run, ").append(results.getString("startedAt")).append("\n\n");
    md.append(String.format(Locale.ROOT, "Machine: %d cores (%s), %d GiB, %s, %s; load average %.2f at start.%n%n",
        machine.getInteger("cores"), machine.getString("cpu"), machine.getLong("memoryGiB"),
        machine.getString("os"), machine.getString("jdk"), machine.getDouble("loadAverageAtStart")));
    md.append(String.format(Locale.ROOT, "Each level: %.1f s warm-up, then %.1f s measured (first warm-up %.1f s at 32 in flight). "
            + "Calls cycle existUser, createUser, getUser, listUser. Latencies in microseconds; CPU and allocation per call.%n%n",
        plan.getLong("levelWarmupMillis") / 1000.0, plan.getLong("measureMillis") / 1000.0, plan.getLong("warmupMillis") / 1000.0));
    if (results.containsKey("contendedBy")) {
      md.append("**Contended run:** ").append(results.getInteger("contendedBy"))
          .append(" busy-loop threads (one per core, normal priority, in a process of their own) shared the cores during every measurement.\n\n");
    }
    if (results.containsKey("floorFrameSizes")) {
      md.append("Floor frame bodies (request:response bytes, existUser, createUser, getUser, listUser): `")
          .append(results.getString("floorFrameSizes")).append("`\n\n");
    }
    md.append("| system | in flight | calls/s | x floor | p50 | p99 | p99.9 | client CPU us/call | server CPU us/call | client B/call | server B/call "
        + "| client reads / writes per call | server reads / writes per call |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < systems.size(); i++) {
      JsonObject system = systems.getJsonObject(i);
      String name = system.getString("system") + ("ok".equals(system.getString("status")) ? "" : " (FAILED)");
      for (JsonObject level : levels(system)) {
        JsonObject latency = level.getJsonObject("latency");
        JsonObject floor = level(systems, "floor", level.getInteger("inFlight"));
        md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %s | %,.0f | %,.0f | %,.0f | %.1f | %.1f | %,.0f | %,.0f | %s | %s |%n",
            name, level.getInteger("inFlight"), level.getDouble("callsPerSecond"),
            floor == null ? "-" : ratio(level.getDouble("callsPerSecond"), floor.getDouble("callsPerSecond")),
            latency.getDouble("p50"), latency.getDouble("p99"), latency.getDouble("p999"),
            level.getDouble("clientCpuMicrosPerCall"), level.getDouble("serverCpuMicrosPerCall"),
            level.getDouble("clientBytesPerCall"), level.getDouble("serverBytesPerCall"),
            syscalls(level, "client"), syscalls(level, "server")));
      }
    }
    JsonArray failed = failures(systems);
    if (!failed.isEmpty()) {
      md.append("\nFailed systems:\n\n");
      for (int i = 0; i < failed.size(); i++) {
        JsonObject system = failed.getJsonObject(i);
        md.append("- ").append(system.getString("system")).append(": ").append(system.getString("error")).append('\n');
      }
    }
    md.append("\n## Throughput ratios (row / column)\n");
    for (Object inFlight : plan.getJsonArray("levels")) {
      ratioMatrix(md, systems, (Integer) inFlight);
    }
    // one call at a time shows each operation's own cost; under load queueing evens them out
    md.append("\n## Median latency per operation, 1 in flight (us)\n\n| system |");
    for (Operation operation : Operation.values()) {
      md.append(' ').append(operation.methodName()).append(" |");
    }
    md.append("\n|---|---:|---:|---:|---:|\n");
    for (int i = 0; i < systems.size(); i++) {
      JsonObject level = level(systems, systems.getJsonObject(i).getString("system"), 1);
      if (level != null) {
        md.append("| ").append(systems.getJsonObject(i).getString("system")).append(" |");
        for (Operation operation : Operation.values()) {
          md.append(String.format(Locale.ROOT, " %,.0f |", level.getJsonObject("operations").getJsonObject(operation.methodName()).getDouble("p50")));
        }
        md.append('\n');
      }
    }
    JsonArray rounds = results.getJsonArray("rounds");
    if (rounds != null && rounds.size() > 1) {
      md.append(RepeatSummary.markdown(results));
    }
    return md.toString();
  }

  private static void ratioMatrix(StringBuilder md, JsonArray systems, int inFlight) {
    md.append("\n### ").append(inFlight).append(" in flight\n\n|  |");
    for (int i = 0; i < systems.size(); i++) {
      md.append(' ').append(systems.getJsonObject(i).getString("system")).append(" |");
    }
    md.append("\n|---|").append("---:|".repeat(systems.size())).append('\n');
    for (int row = 0; row < systems.size(); row++) {
      String name = systems.getJsonObject(row).getString("system");
      JsonObject mine = level(systems, name, inFlight);
      md.append("| ").append(name).append(" |");
      for (int column = 0; column < systems.size(); column++) {
        JsonObject theirs = level(systems, systems.getJsonObject(column).getString("system"), inFlight);
        md.append(' ').append(mine == null || theirs == null ? "-"
            : ratio(mine.getDouble("callsPerSecond"), theirs.getDouble("callsPerSecond"))).append(" |");
      }
      md.append('\n');
    }
  }

  /** @return reads and writes per call of one side; runs from before these counts show "-" */
  private static String syscalls(JsonObject level, String side) {
    Double reads = level.getDouble(side + "ReadsPerCall");
    Double writes = level.getDouble(side + "WritesPerCall");
    return reads == null || writes == null ? "-" : String.format(Locale.ROOT, "%.3f / %.3f", reads, writes);
  }

  private static String ratio(double value, double base) {
    return base <= 0 ? "-" : String.format(Locale.ROOT, "%.2f", value / base);
  }

  private static JsonArray failures(JsonArray systems) {
    JsonArray failed = new JsonArray();
    for (int i = 0; i < systems.size(); i++) {
      if (!"ok".equals(systems.getJsonObject(i).getString("status"))) {
        failed.add(systems.getJsonObject(i));
      }
    }
    return failed;
  }

  @SuppressWarnings("unchecked")
  static List<JsonObject> levels(JsonObject system) {
    return (List<JsonObject>) (List<?>) system.getJsonArray("levels").stream().map(JsonObject.class::cast).toList();
  }

  /** @return the level of a system with that many calls in flight, or {@code null} */
  static JsonObject level(JsonArray systems, String name, int inFlight) {
    for (int i = 0; i < systems.size(); i++) {
      JsonObject system = systems.getJsonObject(i);
      if (system.getString("system").equals(name)) {
        for (JsonObject level : levels(system)) {
          if (level.getInteger("inFlight") == inFlight) {
            return level;
          }
        }
      }
    }
    return null;
  }
}
