package io.slacker.benchmarks.runner;

import io.slacker.SlackerClientOptions;
import io.slacker.benchmarks.floor.FrameSizeProbe;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.SystemUnderTest;
import io.slacker.benchmarks.slacker.SlackerWorkloadClient;
import io.slacker.benchmarks.slacker.SlackerWorkloadServer;
import io.slacker.benchmarks.tls.TlsFiles;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Runs every system one after the other on this machine and writes results.json, results.md
 * and chart.svg into one folder. With {@code --profile} it instead runs Slacker alone under
 * flight recordings and writes profile.md.
 *
 * <p>Usage: {@code BenchmarkRunner [--quick] [--profile] [--only label,label] [--levels 32] [--warmup-millis 45000]
 * [--repeat 3] [--contended] --out DIR}, or
 * {@code BenchmarkRunner --report DIR} to redraw results.md and chart.svg from a run's results.json.
 */
public final class BenchmarkRunner {

  private BenchmarkRunner() {
  }

  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    String report = valueAfter(arguments, "--report", null);
    if (report != null) {
      writeReports(Path.of(report), new JsonObject(Files.readString(Path.of(report, "results.json"))));
      return;
    }
    boolean quick = arguments.contains("--quick");
    boolean profile = arguments.contains("--profile");
    Path out = Path.of(valueAfter(arguments, "--out", "benchmarks/results/" + timestamp()));
    String only = valueAfter(arguments, "--only", null);
    Files.createDirectories(out.resolve("logs"));
    String classPath = System.getProperty("java.class.path");
    RunPlan plan = quick ? RunPlan.quick() : RunPlan.full();
    String levels = valueAfter(arguments, "--levels", null);
    if (levels != null) {
      plan = plan.withLevels(Arrays.stream(levels.split(",")).map(level -> Integer.valueOf(level.trim())).toList());
    }
    String warmup = valueAfter(arguments, "--warmup-millis", null);
    if (warmup != null) {
      plan = plan.withWarmup(Long.parseLong(warmup));
    }
    int repeat = Integer.parseInt(valueAfter(arguments, "--repeat", "1"));
    if (repeat < 1) {
      throw new IllegalArgumentException("--repeat must be at least 1, was " + repeat);
    }
    boolean contended = arguments.contains("--contended");
    int profiledLevel = levels == null ? 32 : plan.levels().get(0);
    boolean allOk = profile ? profile(profiledLevel, out, classPath) : measure(plan, only, repeat, contended, out, classPath);
    System.exit(allOk ? 0 : 1);
  }

  /**
   * Runs the chosen systems {@code repeat} times, interleaved (A B C, A B C, ...), so that a slow
   * spell of the shared machine falls on every system alike. {@code systems} holds the first
   * round, {@code rounds} every round; results.md summarizes the rounds.
   */
  private static boolean measure(RunPlan plan, String only, int repeat, boolean contended, Path out, String classPath)
      throws Exception {
    JsonObject results = new JsonObject()
        .put("startedAt", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19) + "Z")
        .put("machine", Machine.describe())
        .put("plan", plan.toJson())
        .put("repeat", repeat);
    JsonArray rounds = new JsonArray();
    results.put("rounds", rounds);
    boolean allOk = true;
    try (BusyLoad load = contended ? BusyLoad.start(classPath, out.resolve("logs"), plan.clientLifetimeMillis() * SystemUnderTest.values().length * repeat) : null) {
      if (load != null) {
        results.put("contendedBy", load.threads());
        System.out.println("Contended: " + load.threads() + " busy-loop threads share the cores");
      }
      for (int round = 1; round <= repeat; round++) {
        JsonArray systems = new JsonArray();
        rounds.add(systems);
        for (SystemUnderTest system : SystemUnderTest.values()) {
          if (only == null ? !system.inDefaultRun() : !Arrays.asList(only.split(",")).contains(system.label())) {
            continue;
          }
          System.out.println("== " + system.label() + (repeat > 1 ? " (round " + round + " of " + repeat + ")" : "") + ": "
              + system.description());
          JsonObject result = run(system, plan, out.resolve("logs").resolve("round-" + round), classPath, results);
          systems.add(result);
          if (!"ok".equals(result.getString("status"))) {
            allOk = false;
            System.out.println("  FAILED: " + result.getString("error"));
          }
        }
      }
    }
    results.put("systems", rounds.getJsonArray(0));
    Files.writeString(out.resolve("results.json"), results.encodePrettily());
    writeReports(out, results);
    System.out.println("\nResults in " + out.toAbsolutePath());
    return allOk;
  }

  private static void writeReports(Path out, JsonObject results) throws IOException {
    Files.writeString(out.resolve("results.md"), ResultsTable.markdown(results));
    Files.writeString(out.resolve("chart.svg"), ResultsChart.svg(results));
  }

  /** Runs one system with what it needs besides its own processes: frame sizes, a ZooKeeper, TLS files. */
  private static JsonObject run(SystemUnderTest system, RunPlan plan, Path logs, String classPath, JsonObject results) {
    try {
      Files.createDirectories(logs);
      SystemRun run = new SystemRun(system, plan, classPath, logs);
      switch (system) {
        case FLOOR: {
          // measured once: every round's floor sends the same frames
          if (!results.containsKey("floorFrameSizes")) {
            results.put("floorFrameSizes", slackerFrameSizes());
          }
          String sizes = results.getString("floorFrameSizes");
          return run.run(List.of("frameSizes=" + sizes), List.of());
        }
        case SERVICE_PROXY: {
          try (EmbeddedZooKeeper zooKeeper = new EmbeddedZooKeeper()) {
            return run.run(List.of("zookeeper=" + zooKeeper.connectString()), List.of());
          }
        }
        case SLACKER_BINARY_TLS:
        case SLACKER_BINARY_TLS_OPENSSL:
        case GRPC_TLS:
          return run.run(TlsFiles.write(Files.createTempDirectory("slacker-benchmark-tls")), List.of());
        default:
          return run.run(List.of(), List.of());
      }
    } catch (Exception e) {
      return new JsonObject().put("system", system.label()).put("description", system.description())
          .put("levels", new JsonArray()).put("status", "failed").put("error", e.toString());
    }
  }

  /** The frames of Slacker with its default serialization, which the floor copies. */
  private static String slackerFrameSizes() throws Exception {
    return FrameSizeProbe.measure(new SlackerWorkloadServer(),
        port -> SlackerWorkloadClient.connect(Settings.parse(List.of("port=" + port)), SlackerClientOptions.DEFAULT_SERIALIZATION));
  }

  /** Slacker with its default serialization at one level (32 in flight unless --levels says), both processes under a flight recording. */
  private static boolean profile(int inFlight, Path out, String classPath) throws Exception {
    RunPlan plan = new RunPlan("profile", List.of(inFlight), 10_000, 2_000, 20_000);
    SystemUnderTest system = SystemUnderTest.SLACKER_BINARY;
    List<String> recording = List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
        + out.resolve("%s.jfr").toAbsolutePath());
    JsonObject result = new SystemRun(system, plan, classPath, out.resolve("logs")).run(List.of(), recording);
    StringBuilder md = new StringBuilder("# Where Slacker's time goes\n\n")
        .append(system.description()).append(", ").append(inFlight).append(" calls in flight, recorded with JFR's `profile` settings over the whole run ")
        .append("(").append(plan.warmupMillis() / 1000).append(" s warm-up included).\n\n");
    for (String side : List.of("server", "client")) {
      md.append(JfrSummary.markdown(side, out.resolve(system.label() + "-" + side + ".jfr"))).append('\n');
    }
    Files.writeString(out.resolve("profile.md"), md.toString());
    Files.writeString(out.resolve("profile-run.json"), result.encodePrettily());
    System.out.println("Profile in " + out.resolve("profile.md").toAbsolutePath());
    return "ok".equals(result.getString("status"));
  }

  private static String valueAfter(List<String> arguments, String flag, String otherwise) {
    int index = arguments.indexOf(flag);
    return index >= 0 && index + 1 < arguments.size() ? arguments.get(index + 1) : otherwise;
  }

  private static String timestamp() {
    return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }
}
