package io.slacker.benchmarks.runner;

import io.slacker.benchmarks.harness.ClientMain;
import io.slacker.benchmarks.harness.ProcessCounters;
import io.slacker.benchmarks.harness.ServerMain;
import io.slacker.benchmarks.harness.SystemUnderTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one system: its server JVM, then its client JVM, and joins each level the client measured
 * with the server's CPU and allocation over the same window.
 */
final class SystemRun {

  private static final long SERVER_START_MILLIS = 120_000;
  private static final long STATS_MILLIS = 10_000;
  private static final List<String> HEAP = List.of("-Xms1g", "-Xmx1g");

  private final SystemUnderTest system;
  private final RunPlan plan;
  private final String classPath;
  private final Path logs;

  SystemRun(SystemUnderTest system, RunPlan plan, String classPath, Path logs) {
    this.system = system;
    this.plan = plan;
    this.classPath = classPath;
    this.logs = logs;
  }

  /**
   * @param settings system-specific {@code key=value} settings for both processes
   * @param jvmOptions extra options for both processes, e.g. a flight recording (with {@code %s} for the side)
   */
  JsonObject run(List<String> settings, List<String> jvmOptions) {
    JsonObject result = new JsonObject().put("system", system.label()).put("description", system.description());
    JsonArray levels = new JsonArray();
    result.put("levels", levels);
    long lifetime = plan.clientLifetimeMillis() + SERVER_START_MILLIS;
    List<String> serverArgs = args(settings, "maxLifetimeMillis=" + lifetime);
    try (ForkedJvm server = ForkedJvm.start(system.label() + "-server", classPath, options(jvmOptions, "server"),
        ServerMain.class.getName(), serverArgs, logs.resolve(system.label() + "-server.log"))) {
      int port = server.await("ready", SERVER_START_MILLIS).getInteger("port");
      List<String> clientArgs = args(settings, "maxLifetimeMillis=" + plan.clientLifetimeMillis(), "port=" + port,
          "levels=" + join(plan.levels()), "warmupMillis=" + plan.warmupMillis(),
          "levelWarmupMillis=" + plan.levelWarmupMillis(), "measureMillis=" + plan.measureMillis());
      try (ForkedJvm client = ForkedJvm.start(system.label() + "-client", classPath, options(jvmOptions, "client"),
          ClientMain.class.getName(), clientArgs, logs.resolve(system.label() + "-client.log"))) {
        long firstWait = SERVER_START_MILLIS + plan.warmupMillis();
        for (int inFlight : plan.levels()) {
          client.await("measuring", firstWait + plan.levelWarmupMillis());
          firstWait = 30_000;
          JsonObject before = stats(server);
          JsonObject level = client.await("level", plan.measureMillis() + 30_000);
          JsonObject after = stats(server);
          levels.add(withServer(level, before, after));
          System.out.printf("  %-20s %4d in flight: %,10.0f calls/s, p50 %,8.1f us, p99 %,8.1f us%n", system.label(), inFlight,
              level.getDouble("callsPerSecond"), level.getJsonObject("latency").getDouble("p50"),
              level.getJsonObject("latency").getDouble("p99"));
        }
        client.await("done", 30_000);
      }
      String problem = problems(levels);
      result.put("status", problem == null ? "ok" : "failed");
      if (problem != null) {
        result.put("error", problem);
      }
    } catch (Exception e) {
      result.put("status", "failed").put("error", e.getMessage() != null ? e.getMessage() : e.toString());
    }
    return result;
  }

  private static JsonObject stats(ForkedJvm server) throws InterruptedException {
    server.send("stats");
    return server.await("stats", STATS_MILLIS);
  }

  /**
   * Adds per-call costs of both processes; the server's are over the client's measured window.
   * Package-private for its test.
   */
  static JsonObject withServer(JsonObject level, JsonObject before, JsonObject after) {
    long calls = Math.max(1, level.getLong("calls"));
    double seconds = level.getDouble("seconds");
    long serverCpu = after.getLong("cpuNanos") - before.getLong("cpuNanos");
    long serverBytes = after.getLong("allocatedBytes") - before.getLong("allocatedBytes");
    long clientCpu = level.getLong("clientCpuNanos");
    return level.copy()
        .put("serverCpuNanos", serverCpu)
        .put("serverAllocatedBytes", serverBytes)
        .put("clientCpuMicrosPerCall", clientCpu / 1_000.0 / calls)
        .put("serverCpuMicrosPerCall", serverCpu / 1_000.0 / calls)
        .put("clientCores", clientCpu / 1e9 / seconds)
        .put("serverCores", serverCpu / 1e9 / seconds)
        .put("clientBytesPerCall", (double) level.getLong("clientAllocatedBytes") / calls)
        .put("serverBytesPerCall", (double) serverBytes / calls)
        .put("clientReadsPerCall", perCall(level.getLong("clientReadSyscalls"), calls))
        .put("clientWritesPerCall", perCall(level.getLong("clientWriteSyscalls"), calls))
        .put("serverReadsPerCall", perCall(ProcessCounters.since(before.getLong("readSyscalls"), after.getLong("readSyscalls")), calls))
        .put("serverWritesPerCall", perCall(ProcessCounters.since(before.getLong("writeSyscalls"), after.getLong("writeSyscalls")), calls));
  }

  /** @return system calls per call, or {@code null} where the counts are missing (-1 without /proc) */
  private static Double perCall(long syscalls, long calls) {
    return syscalls < 0 ? null : (double) syscalls / calls;
  }

  /** @return why the system's numbers cannot be trusted, or {@code null} */
  private static String problems(JsonArray levels) {
    for (int i = 0; i < levels.size(); i++) {
      JsonObject level = levels.getJsonObject(i);
      if (level.getLong("failures") > 0 || level.getLong("mismatches") > 0) {
        return level.getLong("failures") + " failed calls, " + level.getLong("mismatches")
            + " wrong responses at " + level.getInteger("inFlight") + " in flight; first: " + level.getString("problem");
      }
      if (level.getLong("checks") == 0) {
        return "no response was checked at " + level.getInteger("inFlight") + " in flight";
      }
    }
    return null;
  }

  private List<String> options(List<String> jvmOptions, String side) {
    List<String> all = new ArrayList<>(HEAP);
    for (String option : jvmOptions) {
      all.add(option.replace("%s", system.label() + "-" + side));
    }
    return all;
  }

  private List<String> args(List<String> settings, String... more) {
    List<String> all = new ArrayList<>();
    all.add(system.name());
    all.addAll(settings);
    all.addAll(List.of(more));
    return all;
  }

  private static String join(List<Integer> values) {
    StringBuilder text = new StringBuilder();
    for (Integer value : values) {
      text.append(text.length() == 0 ? "" : ",").append(value);
    }
    return text.toString();
  }
}
