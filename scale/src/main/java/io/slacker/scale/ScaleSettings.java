package io.slacker.scale;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The harness's flags; {@code --quick} sets a small point first, and later flags still win. */
final class ScaleSettings {

  int servers = 500;
  int services = 50;
  int servicePool = -1;
  int clients = 20;
  int watched = 20;
  int churn = 20;
  double churnRate = 20;
  List<String> sessions = List.of("per-server", "shared");
  int serverJvms = 4;
  int clientJvms = 2;
  String workerHeap = "768m";
  String clientHeap = "384m";
  String zkHeap = "1g";
  int sessionTimeoutMillis = 6_000;
  int tickMillis = 1_000;
  int registerConcurrency = 32;
  long timeoutMillis = 300_000;
  /** none, quick (ZooKeeper down for a moment) or both (also down longer than the session timeout) */
  String restarts = "both";
  Path out;
  Path work;

  static final String USAGE = """
      scale/run.sh [maven flags] -- [flags]   (flags alone work too when no maven flags are given)
        --quick                  40 servers x 10 services, 4 clients x 5 services, 10 changes a kind, both session modes
        --servers N              simulated servers (default 500)
        --services S             services each server publishes (default 50)
        --service-pool P         distinct service names they are drawn from (default S: every server runs every service)
        --clients C              watching clients, each with its own ZooKeeper session (default 20)
        --watched W              services each client watches (default 20)
        --churn K                changes of each kind: join, update, offline, online, leave (default 20)
        --churn-rate R           changes per second while churning (default 20)
        --sessions MODE          per-server, shared, or both (default both, one point each)
        --server-jvms J          JVMs the simulated servers are spread over (default 4)
        --client-jvms J          JVMs the clients are spread over (default 2)
        --worker-heap SIZE       -Xmx of each server JVM (default 768m)
        --client-heap SIZE       -Xmx of each client JVM (default 384m)
        --zk-heap SIZE           -Xmx (and -Xms) of the ZooKeeper JVM (default 1g)
        --session-timeout-ms T   ZooKeeper session timeout of every discovery (default 6000; ZooKeeper ticks 1000 ms)
        --register-concurrency K registrations in flight per server JVM (default 32)
        --timeout-s T            the longest any one phase may take (default 300)
        --restarts WHICH         both (default): a quick ZooKeeper restart and one down longer than the session timeout;
                                 quick: only the first; none
        --out DIR                where results.json and results.md go (default scale/results/<UTC timestamp>)
        --work DIR               ZooKeeper's data directory and every JVM's log (default scale/target/runs/<UTC timestamp>)
      """;

  static ScaleSettings parse(String... args) {
    ScaleSettings s = new ScaleSettings();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      switch (flag) {
        case "--quick" -> {
          s.servers = 40;
          s.services = 10;
          s.clients = 4;
          s.watched = 5;
          s.churn = 10;
          s.serverJvms = 2;
          s.clientJvms = 1;
          s.workerHeap = "256m";
          s.clientHeap = "256m";
          s.zkHeap = "256m";
          s.sessionTimeoutMillis = 4_000;
        }
        case "--" -> {
          // the separator between Maven's flags and the harness's
        }
        case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
        default -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
          }
          String value = args[++i];
          switch (flag) {
            case "--servers" -> s.servers = Integer.parseInt(value);
            case "--services" -> s.services = Integer.parseInt(value);
            case "--service-pool" -> s.servicePool = Integer.parseInt(value);
            case "--clients" -> s.clients = Integer.parseInt(value);
            case "--watched" -> s.watched = Integer.parseInt(value);
            case "--churn" -> s.churn = Integer.parseInt(value);
            case "--churn-rate" -> s.churnRate = Double.parseDouble(value);
            case "--sessions" -> s.sessions = "both".equals(value) ? List.of("per-server", "shared") : List.of(value.split(","));
            case "--server-jvms" -> s.serverJvms = Integer.parseInt(value);
            case "--client-jvms" -> s.clientJvms = Integer.parseInt(value);
            case "--worker-heap" -> s.workerHeap = value;
            case "--client-heap" -> s.clientHeap = value;
            case "--zk-heap" -> s.zkHeap = value;
            case "--session-timeout-ms" -> s.sessionTimeoutMillis = Integer.parseInt(value);
            case "--register-concurrency" -> s.registerConcurrency = Integer.parseInt(value);
            case "--timeout-s" -> s.timeoutMillis = Long.parseLong(value) * 1_000;
            case "--restarts" -> s.restarts = value;
            case "--out" -> s.out = Path.of(value);
            case "--work" -> s.work = Path.of(value);
            default -> throw new IllegalArgumentException("unknown flag " + flag + "\n" + USAGE);
          }
        }
      }
    }
    if (s.servicePool < 0) {
      s.servicePool = s.services;
    }
    List<String> problems = new ArrayList<>();
    for (String mode : s.sessions) {
      if (!mode.equals("per-server") && !mode.equals("shared")) {
        problems.add("--sessions takes per-server, shared or both, not " + mode);
      }
    }
    if (!List.of("none", "quick", "both").contains(s.restarts)) {
      problems.add("--restarts takes none, quick or both");
    }
    if (s.services > s.servicePool) {
      problems.add("--services cannot exceed --service-pool");
    }
    if (s.watched > s.servicePool) {
      problems.add("--watched cannot exceed the service pool (" + s.servicePool + ")");
    }
    if (s.servers < 1 || s.clients < 1 || s.serverJvms < 1 || s.clientJvms < 1 || s.churn < 1 || s.churnRate <= 0) {
      problems.add("counts must be positive");
    }
    if (s.churn > s.servers) {
      problems.add("--churn cannot exceed --servers");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems) + "\n" + USAGE);
    }
    s.serverJvms = Math.min(s.serverJvms, s.servers);
    s.clientJvms = Math.min(s.clientJvms, s.clients);
    return s;
  }

  JsonObject toJson() {
    return new JsonObject().put("servers", servers).put("servicesPerServer", services).put("servicePool", servicePool)
        .put("clients", clients).put("watchedPerClient", watched).put("churnPerKind", churn).put("churnRatePerSecond", churnRate)
        .put("serverJvms", serverJvms).put("clientJvms", clientJvms).put("workerHeap", workerHeap)
        .put("clientHeap", clientHeap).put("zookeeperHeap", zkHeap).put("sessionTimeoutMillis", sessionTimeoutMillis)
        .put("zookeeperTickMillis", tickMillis).put("registerConcurrencyPerJvm", registerConcurrency)
        .put("phaseTimeoutMillis", timeoutMillis).put("restarts", restarts);
  }
}
