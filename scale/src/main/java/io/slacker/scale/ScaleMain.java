package io.slacker.scale;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The scale harness: for each session mode, a fresh ZooKeeper, the simulated servers, the
 * watching clients, churn and restarts ({@link ScaleRun}); prints a table and writes
 * results.json (every figure) and results.md (the table) to the output directory.
 */
public final class ScaleMain {

  private ScaleMain() {
  }

  public static void main(String[] args) throws Exception {
    ScaleSettings settings;
    try {
      settings = ScaleSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    if (settings.out == null) {
      settings.out = Path.of("scale/results", stamp);
    }
    if (settings.work == null) {
      settings.work = Path.of("scale/target/runs", stamp);
    }
    JsonObject results = run(settings);
    System.out.println(table(results));
    System.out.println("results: " + settings.out.resolve("results.json") + "; logs and ZooKeeper data: " + settings.work);
    System.exit(results.getBoolean("ok") ? 0 : 1);
  }

  /** Runs every session mode of {@code settings}, writing results.json and results.md; never leaves a JVM behind. */
  static JsonObject run(ScaleSettings settings) throws Exception {
    Files.createDirectories(settings.out);
    Files.createDirectories(settings.work);
    // The harness's own discovery logs (Curator's complaints while ZooKeeper is down) go to a file, not the terminal.
    System.setProperty("org.slf4j.simpleLogger.logFile", settings.work.resolve("harness.log").toString());
    JsonObject results = new JsonObject().put("started", Instant.now().toString()).put("settings", settings.toJson())
        .put("machine", new JsonObject().put("cores", Runtime.getRuntime().availableProcessors())
            .put("java", System.getProperty("java.version")).put("os", System.getProperty("os.name") + " " + System.getProperty("os.version")));
    JsonArray points = new JsonArray();
    results.put("points", points);
    boolean ok = true;
    for (String mode : settings.sessions) {
      ScaleRun run = new ScaleRun(settings, mode, settings.work.resolve(mode));
      // CTRL-C or a failure: the forked JVMs go with us (they also exit when their standard input closes).
      Thread hook = new Thread(run::close, "scale-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        points.add(run.run());
      } catch (Exception e) {
        ok = false;
        System.err.println(mode + " failed: " + e);
        e.printStackTrace();
        points.add(new JsonObject().put("sessions", mode).put("error", String.valueOf(e)));
      } finally {
        run.close();
        Runtime.getRuntime().removeShutdownHook(hook);
      }
      // what is measured so far survives a later point that fails badly
      Files.writeString(settings.out.resolve("results.json"), results.copy().put("ok", ok).encodePrettily());
    }
    results.put("ok", ok).put("finished", Instant.now().toString());
    Files.writeString(settings.out.resolve("results.json"), results.encodePrettily());
    Files.writeString(settings.out.resolve("results.md"), table(results));
    return results;
  }

  private record Row(String label, Function<JsonObject, Object> figure) {
  }

  private static Object at(JsonObject point, String path) {
    Object current = point;
    for (String part : path.split("\\.")) {
      if (!(current instanceof JsonObject object) || !object.containsKey(part)) {
        return "-";
      }
      current = object.getValue(part);
    }
    return current;
  }

  private static Row row(String label, String path) {
    return new Row(label, p -> at(p, path));
  }

  private static Row mib(String label, String path) {
    return new Row(label, p -> at(p, path) instanceof Number n && n.longValue() >= 0
        ? String.format("%.1f", n.longValue() / 1048576.0) : "-");
  }

  private static Row kib(String label, String path) {
    return new Row(label, p -> at(p, path) instanceof Number n ? String.format("%.1f", n.longValue() / 1024.0) : "-");
  }

  static String table(JsonObject results) {
    JsonObject settings = results.getJsonObject("settings");
    List<Row> rows = new ArrayList<>(List.of(
        row("registered servers", "registration.servers"),
        row("registration: seconds", "registration.seconds"),
        row("registration: servers/s", "registration.serversPerSecond"),
        row("registration: services/s", "registration.servicesPerSecond"),
        row("registration: latency p50 ms", "registration.latencyMillis.p50"),
        row("registration: latency p99 ms", "registration.latencyMillis.p99"),
        row("registration: writes/server", "registration.writesPerServer"),
        mib("server JVMs heap after GC MiB", "registration.workerHeapBytes"),
        kib("server JVM heap per server KiB", "registration.workerHeapPerServerBytes"),
        row("ZK znodes (registered)", "zookeeperRegistered.znodes"),
        row("ZK ephemerals", "zookeeperRegistered.ephemerals"),
        mib("ZK data size MiB", "zookeeperRegistered.approximateDataSizeBytes"),
        mib("ZK heap after GC MiB (empty)", "zookeeperEmpty.heapAfterGcBytes"),
        mib("ZK heap after GC MiB (registered)", "zookeeperRegistered.heapAfterGcBytes"),
        mib("ZK heap after GC MiB (watched)", "zookeeperWatched.heapAfterGcBytes"),
        row("ZK connections (watched)", "zookeeperWatched.aliveConnections"),
        row("ZK watch count (mntr)", "zookeeperWatched.watches"),
        row("ZK wchs", "zookeeperWatched.wchs"),
        row("clients: watch setup s", "clients.watchSetupSeconds"),
        kib("client heap per watched service KiB", "clients.heapPerWatchedServiceBytes"),
        row("client heap per watched member B", "clients.heapPerWatchedMemberBytes")));
    for (String kind : ScaleRun.KINDS) {
      rows.add(row(kind + ": writes/change", "churn." + kind + ".writesPerChange"));
      rows.add(row(kind + ": call p50 ms", "churn." + kind + ".callMillis.p50"));
      rows.add(row(kind + ": propagation p50 ms", "churn." + kind + ".propagationMillis.p50"));
      rows.add(row(kind + ": propagation p99 ms", "churn." + kind + ".propagationMillis.p99"));
      rows.add(row(kind + ": propagation max ms", "churn." + kind + ".propagationMillis.max"));
      rows.add(row(kind + ": (change, client) pairs / missed", "churn." + kind + ".propagationMillis.pairs"));
    }
    rows.addAll(List.of(
        row("all churn: propagation p50 ms", "churn.all.p50"),
        row("all churn: propagation p99 ms", "churn.all.p99"),
        row("all churn: propagation max ms", "churn.all.max"),
        row("all churn: missed pairs", "churn.all.missed")));
    for (String restart : List.of("quick", "long")) {
      String base = "restarts." + restart + ".";
      rows.addAll(List.of(
          row("restart " + restart + ": down ms", base + "downMillis"),
          row("restart " + restart + ": serving after kill ms", base + "servingAfterMillis"),
          row("restart " + restart + ": all registered after serving ms", base + "registeredAgainAfterServingMillis"),
          row("restart " + restart + ": fewest members seen", base + "fewestMembersSeen"),
          row("restart " + restart + ": fewest ephemerals", base + "fewestEphemerals"),
          row("restart " + restart + ": peak connections/s", base + "peakConnectionsPerSecond"),
          row("restart " + restart + ": peak requests/s", base + "peakRequestsPerSecond"),
          row("restart " + restart + ": peak writes/s", base + "peakWritesPerSecond")));
    }
    JsonArray points = results.getJsonArray("points");
    StringBuilder out = new StringBuilder();
    out.append(String.format("Slacker discovery scale: %d servers x %d services (pool %d), %d clients x %d watched, %d changes a kind at %.0f/s, ZooKeeper -Xmx%s, session timeout %d ms%n%n",
        settings.getInteger("servers"), settings.getInteger("servicesPerServer"), settings.getInteger("servicePool"),
        settings.getInteger("clients"), settings.getInteger("watchedPerClient"), settings.getInteger("churnPerKind"),
        settings.getDouble("churnRatePerSecond"), settings.getString("zookeeperHeap"), settings.getInteger("sessionTimeoutMillis")));
    out.append("| figure |");
    points.forEach(p -> out.append(' ').append(((JsonObject) p).getString("sessions")).append(" |"));
    out.append("\n| --- |");
    points.forEach(p -> out.append(" ---: |"));
    out.append('\n');
    for (Row row : rows) {
      out.append("| ").append(row.label()).append(" |");
      for (Object p : points) {
        JsonObject point = (JsonObject) p;
        Object value = row.label().endsWith("pairs / missed")
            ? at(point, row.label().startsWith("all") ? "-" : "churn." + row.label().substring(0, row.label().indexOf(':')) + ".propagationMillis.pairs")
              + " / " + at(point, "churn." + row.label().substring(0, row.label().indexOf(':')) + ".propagationMillis.missed")
            : row.figure().apply(point);
        out.append(' ').append(value).append(" |");
      }
      out.append('\n');
    }
    for (Object p : points) {
      if (((JsonObject) p).containsKey("error")) {
        out.append("\n").append(((JsonObject) p).getString("sessions")).append(" FAILED: ").append(((JsonObject) p).getString("error")).append('\n');
      }
    }
    return out.toString();
  }
}
