package io.slacker.scale;

import io.slacker.cluster.ServiceWatch;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One scale point in one session mode: a fresh ZooKeeper, the simulated servers registered, the
 * clients watching, the churn, and the two ZooKeeper restarts, with every figure in
 * {@link #run()}'s JSON. Everything it forks is killed by {@link #close()}.
 */
final class ScaleRun implements AutoCloseable {

  static final List<String> KINDS = List.of("join", "update", "offline", "online", "leave");

  private record Change(long id, String kind, int server, String service, List<String> affected) {
  }

  private final ScaleSettings s;
  private final String mode;
  private final Path dir;
  private final Topology topology;
  private final List<Child> serverJvms = new ArrayList<>();
  private final List<Child> clientJvms = new ArrayList<>();
  private final Set<Integer> live = new TreeSet<>();
  private final List<List<String>> watchedBy = new ArrayList<>();
  private ZookeeperServer zk;
  private Vertx vertx;
  private ZookeeperDiscovery observer;
  private final Map<String, Integer> observed = new ConcurrentHashMap<>();
  private long nextChange = 1;

  ScaleRun(ScaleSettings settings, String mode, Path dir) {
    this.s = settings;
    this.mode = mode;
    this.dir = dir;
    this.topology = new Topology(s.services, s.servicePool, s.watched);
    for (int c = 0; c < s.clients; c++) {
      watchedBy.add(topology.watchedBy(c));
    }
  }

  private static void log(String message) {
    System.err.printf("[%tT] %s%n", System.currentTimeMillis(), message);
  }

  JsonObject run() throws Exception {
    JsonObject result = new JsonObject().put("sessions", mode).put("settings", s.toJson());
    Files.createDirectories(dir);
    zk = new ZookeeperServer(dir.resolve("zookeeper"), s.zkHeap, s.tickMillis);
    zk.start();
    zk.awaitServing(60_000);
    result.put("zookeeperEmpty", zkFigures());
    log(mode + ": ZooKeeper serving on " + zk.connectString() + " (-Xmx" + s.zkHeap + ")");

    startServerJvms();
    long workerHeapBefore = workerHeap();
    result.put("registration", register());
    long workerHeapAfter = workerHeap();
    result.getJsonObject("registration").put("workerHeapBytes", workerHeapAfter)
        .put("workerHeapPerServerBytes", (workerHeapAfter - workerHeapBefore) / s.servers);
    result.put("zookeeperRegistered", zkFigures());
    log(mode + ": registered " + s.servers + " servers: " + result.getJsonObject("registration").encode().replaceAll(",\"micros\".*", ""));

    result.put("clients", startClients());
    result.put("zookeeperWatched", zkFigures());
    log(mode + ": clients watching: " + result.getJsonObject("clients").encode());

    result.put("churn", churn());
    if (!s.restarts.equals("none")) {
      JsonObject restarts = new JsonObject();
      startObserver();
      restarts.put("quick", restart(0));
      if (s.restarts.equals("both")) {
        restarts.put("long", restart(s.sessionTimeoutMillis + 2_000L));
      }
      result.put("restarts", restarts);
    }
    result.put("zookeeperEnd", zkFigures());
    result.put("logs", logCounts());
    return result;
  }

  /** @return per forked JVM's log, its lines and its ERROR lines (Curator's and ZooKeeper's complaints) */
  private JsonObject logCounts() throws java.io.IOException {
    JsonObject logs = new JsonObject();
    try (var files = Files.list(dir)) {
      for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        long[] counts = new long[2];
        try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
          lines.forEach(line -> {
            counts[0]++;
            if (line.contains(" ERROR ")) {
              counts[1]++;
            }
          });
        }
        logs.put(log.getFileName().toString(), new JsonObject().put("lines", counts[0]).put("errorLines", counts[1]));
      }
    }
    return logs;
  }

  // ---------------------------------------------------------------- ZooKeeper's figures

  private JsonObject zkFigures() {
    Map<String, String> mntr = zk.mntr();
    return new JsonObject().put("znodes", ZookeeperServer.number(mntr, "zk_znode_count"))
        .put("watches", ZookeeperServer.number(mntr, "zk_watch_count"))
        .put("ephemerals", ZookeeperServer.number(mntr, "zk_ephemerals_count"))
        .put("approximateDataSizeBytes", ZookeeperServer.number(mntr, "zk_approximate_data_size"))
        .put("aliveConnections", ZookeeperServer.number(mntr, "zk_num_alive_connections"))
        .put("wchs", zk.wchs())
        .put("heapAfterGcBytes", zk.heapAfterGc())
        .put("zxid", "0x" + Long.toHexString(zk.zxid()));
  }

  /** @return the zxid once no write has come for half a second (at most 10 s) */
  private long quietZxid() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long last = zk.zxid();
    int still = 0;
    while (still < 2 && System.nanoTime() < deadline) {
      Thread.sleep(250);
      long now = zk.zxid();
      still = now == last ? still + 1 : 0;
      last = now;
    }
    return last;
  }

  /** Write transactions between two zxids of one ZooKeeper run (the low 32 bits count them within an epoch). */
  private static long writes(long from, long to) {
    return (to >>> 32) == (from >>> 32) ? (to & 0xffffffffL) - (from & 0xffffffffL) : (to & 0xffffffffL);
  }

  // ---------------------------------------------------------------- servers

  private Child owner(int server) {
    return serverJvms.get(server % serverJvms.size());
  }

  private void startServerJvms() throws Exception {
    JsonObject settings = new JsonObject().put("connect", zk.connectString()).put("sessions", mode)
        .put("servicesPerServer", s.services).put("servicePool", s.servicePool)
        .put("sessionTimeoutMillis", s.sessionTimeoutMillis).put("concurrency", s.registerConcurrency)
        .put("timeoutMillis", s.timeoutMillis);
    for (int j = 0; j < s.serverJvms; j++) {
      serverJvms.add(new Child("server-jvm-" + j, ServerWorker.class, s.workerHeap, settings, dir.resolve("server-jvm-" + j + ".log")));
    }
    for (Child child : serverJvms) {
      child.awaitReady(60_000);
    }
  }

  private long workerHeap() throws InterruptedException {
    long total = 0;
    for (Child child : serverJvms) {
      total += child.request(new JsonObject().put("op", "heap"), 60_000).getLong("bytes");
    }
    return total;
  }

  private JsonObject register() throws Exception {
    long zxid0 = quietZxid();
    Map<Child, JsonArray> ids = new LinkedHashMap<>();
    for (int i = 0; i < s.servers; i++) {
      ids.computeIfAbsent(owner(i), k -> new JsonArray()).add(i);
    }
    long start = System.nanoTime();
    Map<Child, Long> seqs = new LinkedHashMap<>();
    ids.forEach((child, list) -> seqs.put(child, child.send(new JsonObject().put("op", "register").put("ids", list))));
    List<Double> latencies = new ArrayList<>();
    int registered = 0;
    int failed = 0;
    String error = null;
    for (Child child : ids.keySet()) {
      JsonObject answer = child.await(seqs.get(child), s.timeoutMillis + 30_000);
      registered += answer.getInteger("count");
      failed += answer.getInteger("failed");
      error = error != null ? error : answer.getString("error");
      answer.getJsonArray("micros").forEach(m -> latencies.add(((Number) m).doubleValue() / 1_000.0));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long writes = writes(zxid0, quietZxid());
    if (failed > 0) {
      throw new IllegalStateException(failed + " registrations failed, the first: " + error);
    }
    for (int i = 0; i < s.servers; i++) {
      live.add(i);
    }
    return new JsonObject().put("servers", registered).put("failed", failed).put("error", error)
        .put("seconds", Stats.round(seconds)).put("serversPerSecond", Stats.round(registered / seconds))
        .put("servicesPerSecond", Stats.round(registered * (double) s.services / seconds))
        .put("latencyMillis", Stats.summary(latencies))
        .put("writes", writes).put("writesPerServer", Stats.round(writes / (double) Math.max(1, registered)));
  }

  // ---------------------------------------------------------------- clients

  private Map<String, Integer> expectedCounts() {
    Map<String, Integer> counts = new HashMap<>();
    for (int server : live) {
      for (String service : topology.servicesOf(server)) {
        counts.merge(service, 1, Integer::sum);
      }
    }
    return counts;
  }

  private JsonObject startClients() throws Exception {
    Map<Integer, JsonArray> ids = new LinkedHashMap<>();
    for (int c = 0; c < s.clients; c++) {
      ids.computeIfAbsent(c % s.clientJvms, k -> new JsonArray()).add(c);
    }
    for (Map.Entry<Integer, JsonArray> entry : ids.entrySet()) {
      JsonObject settings = new JsonObject().put("connect", zk.connectString()).put("clients", entry.getValue())
          .put("servicesPerServer", s.services).put("servicePool", s.servicePool).put("watchedPerClient", s.watched)
          .put("sessionTimeoutMillis", s.sessionTimeoutMillis).put("timeoutMillis", s.timeoutMillis);
      clientJvms.add(new Child("client-jvm-" + entry.getKey(), ClientWorker.class, s.clientHeap, settings,
          dir.resolve("client-jvm-" + entry.getKey() + ".log")));
    }
    for (Child child : clientJvms) {
      child.awaitReady(60_000);
    }
    long start = System.nanoTime();
    Map<Child, Long> seqs = new LinkedHashMap<>();
    clientJvms.forEach(child -> seqs.put(child, child.send(new JsonObject().put("op", "watch"))));
    long heap = 0;
    long watches = 0;
    String error = null;
    for (Child child : clientJvms) {
      JsonObject answer = child.await(seqs.get(child), s.timeoutMillis + 30_000);
      heap += answer.getLong("heapAfter") - answer.getLong("heapBefore");
      watches += answer.getInteger("watches");
      error = error != null ? error : answer.getString("error");
    }
    double watchSeconds = (System.nanoTime() - start) / 1e9;
    if (error != null) {
      throw new IllegalStateException("a watch failed: " + error);
    }
    long full = clientsFullWithin(s.timeoutMillis);
    if (full < 0) {
      throw new IllegalStateException("clients did not see every server within " + s.timeoutMillis + " ms");
    }
    double perWatch = heap / (double) watches;
    double membersPerWatch = watchedBy.stream().flatMap(List::stream).mapToInt(sv -> expectedCounts().getOrDefault(sv, 0))
        .average().orElse(0);
    return new JsonObject().put("clients", s.clients).put("watches", watches)
        .put("watchSetupSeconds", Stats.round(watchSeconds))
        .put("heapPerWatchedServiceBytes", Math.round(perWatch))
        .put("membersPerWatchedService", Stats.round(membersPerWatch))
        .put("heapPerWatchedMemberBytes", Math.round(membersPerWatch == 0 ? 0 : perWatch / membersPerWatch));
  }

  /** @return whether every client sees exactly the servers that publish each service it watches */
  private boolean clientsFull(long timeoutMillis) throws InterruptedException {
    Map<String, Integer> expected = expectedCounts();
    for (Child child : clientJvms) {
      JsonObject fewest = child.request(new JsonObject().put("op", "counts"), timeoutMillis).getJsonObject("fewest");
      for (String service : fewest.fieldNames()) {
        if (fewest.getInteger(service) != expected.getOrDefault(service, 0).intValue()) {
          return false;
        }
      }
    }
    return true;
  }

  /** @return milliseconds until every client saw every server, -1 on timeout */
  private long clientsFullWithin(long timeoutMillis) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (System.nanoTime() < deadline) {
      if (clientsFull(30_000)) {
        return (System.nanoTime() - start) / 1_000_000;
      }
      Thread.sleep(200);
    }
    return -1;
  }

  // ---------------------------------------------------------------- churn

  private JsonObject churn() throws Exception {
    for (Child child : clientJvms) {
      child.request(new JsonObject().put("op", "record").put("on", true), 60_000);
    }
    JsonObject churn = new JsonObject();
    List<Double> all = new ArrayList<>();
    List<Integer> joined = new ArrayList<>();
    int missed = 0;
    for (String kind : KINDS) {
      List<Change> changes = new ArrayList<>();
      for (int i = 0; i < s.churn; i++) {
        int server = switch (kind) {
          case "join" -> s.servers + i;
          case "leave" -> joined.get(i);
          default -> (int) ((long) i * s.servers / s.churn);
        };
        String service = null;
        List<String> affected = topology.servicesOf(server);
        if (kind.equals("offline") || kind.equals("online")) {
          service = watchedService(affected, i);
          affected = List.of(service);
        }
        changes.add(new Change(nextChange++, kind, server, service, affected));
        if (kind.equals("join")) {
          joined.add(server);
        }
      }
      List<Double> delays = new ArrayList<>();
      JsonObject phase = phase(kind, changes, delays);
      missed += phase.getJsonObject("propagationMillis").getInteger("missed");
      all.addAll(delays);
      churn.put(kind, phase);
      log(mode + ": " + kind + ": " + phase.encode());
    }
    for (Child child : clientJvms) {
      child.request(new JsonObject().put("op", "record").put("on", false), 60_000);
    }
    churn.put("all", Stats.summary(all).put("missed", missed));
    return churn;
  }

  private String watchedService(List<String> services, int i) {
    Set<String> watched = new HashSet<>();
    watchedBy.forEach(watched::addAll);
    for (int k = 0; k < services.size(); k++) {
      String service = services.get((i + k) % services.size());
      if (watched.contains(service)) {
        return service;
      }
    }
    return services.get(i % services.size());
  }

  private JsonObject phase(String kind, List<Change> changes, List<Double> delays) throws Exception {
    long zxid0 = quietZxid();
    long start = System.nanoTime();
    Map<Child, List<Long>> sent = new HashMap<>();
    for (int i = 0; i < changes.size(); i++) {
      long due = start + (long) (i * 1e9 / s.churnRate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      Change change = changes.get(i);
      Child owner = owner(change.server());
      sent.computeIfAbsent(owner, k -> new ArrayList<>()).add(owner.send(new JsonObject().put("op", "change")
          .put("kind", kind).put("server", change.server()).put("service", change.service()).put("change", change.id())));
    }
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    Map<Long, Long> t0 = new HashMap<>();
    List<Double> callMillis = new ArrayList<>();
    String error = null;
    for (Map.Entry<Child, List<Long>> entry : sent.entrySet()) {
      for (long seq : entry.getValue()) {
        JsonObject done = entry.getKey().await(seq, s.timeoutMillis + 30_000);
        t0.put(done.getLong("change"), done.getLong("t0"));
        callMillis.add((done.getLong("t1") - done.getLong("t0")) / 1_000.0);
        error = error != null ? error : done.getString("error");
      }
    }
    if (error != null) {
      throw new IllegalStateException(kind + " failed: " + error);
    }
    for (Change change : changes) {
      if (kind.equals("join")) {
        live.add(change.server());
      } else if (kind.equals("leave")) {
        live.remove(change.server());
      }
    }
    // What each client must see: every affected service it watches, noted by the kind of difference.
    String seenKind = switch (kind) {
      case "join", "online" -> "add";
      case "leave", "offline" -> "remove";
      default -> "data";
    };
    Set<String> expected = new HashSet<>();
    for (Change change : changes) {
      for (int c = 0; c < s.clients; c++) {
        for (String service : change.affected()) {
          if (watchedBy.get(c).contains(service)) {
            expected.add(key(c, service, Topology.addressKey(change.server()), seenKind, change.id()));
          }
        }
      }
    }
    Map<String, Long> seen = new HashMap<>();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(s.timeoutMillis);
    while (true) {
      for (Child child : clientJvms) {
        JsonArray drained = child.request(new JsonObject().put("op", "drain"), 30_000).getJsonArray("observations");
        for (Object o : drained) {
          String[] f = ((String) o).split("\\|", -1);
          long change = f[3].equals("data") && !f[4].isEmpty() ? Long.parseLong(f[4]) : 0;
          seen.putIfAbsent(key(Integer.parseInt(f[0]), f[1], f[2], f[3], change), Long.parseLong(f[5]));
        }
      }
      if (seen.keySet().containsAll(expected) || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(250);
    }
    double seenSeconds = (System.nanoTime() - start) / 1e9;
    long writes = writes(zxid0, quietZxid());
    int pairs = 0;
    int missed = 0;
    for (Change change : changes) {
      for (int c = 0; c < s.clients; c++) {
        double worst = -1;
        boolean relevant = false;
        boolean all = true;
        for (String service : change.affected()) {
          if (watchedBy.get(c).contains(service)) {
            relevant = true;
            Long at = seen.get(key(c, service, Topology.addressKey(change.server()), seenKind, change.id()));
            if (at == null) {
              all = false;
            } else {
              worst = Math.max(worst, (at - t0.get(change.id())) / 1_000.0);
            }
          }
        }
        if (relevant) {
          pairs++;
          if (all) {
            delays.add(worst);
          } else {
            missed++;
          }
        }
      }
    }
    return new JsonObject().put("changes", changes.size()).put("sendSeconds", Stats.round(sendSeconds))
        .put("allSeenSeconds", Stats.round(seenSeconds))
        .put("writes", writes).put("writesPerChange", Stats.round(writes / (double) changes.size()))
        .put("callMillis", Stats.summary(callMillis))
        .put("propagationMillis", Stats.summary(delays).put("pairs", pairs).put("missed", missed));
  }

  private static String key(int client, String service, String address, String kind, long change) {
    return client + "|" + service + "|" + address + "|" + kind + (kind.equals("data") ? "|" + change : "");
  }

  // ---------------------------------------------------------------- restarts

  /** The harness's own discovery (one more session) watching every service, to see servers go and come back. */
  private void startObserver() throws Exception {
    vertx = Vertx.vertx();
    observer = ZookeeperDiscovery.create(vertx, new ZookeeperDiscoveryOptions().setConnectString(zk.connectString())
        .setSessionTimeoutMillis(s.sessionTimeoutMillis).setConnectionTimeoutMillis(Math.min(5_000, s.sessionTimeoutMillis)));
    Contexts contexts = new Contexts(vertx, 1);
    for (String service : expectedCounts().keySet()) {
      ServiceWatch watch = Contexts.on(contexts.get(0), () -> observer.watch(service,
          members -> observed.put(service, members.servers().size()))).get(s.timeoutMillis, TimeUnit.MILLISECONDS);
      observed.put(service, watch.current().servers().size());
    }
  }

  private int observedTotal() {
    return observed.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Kills ZooKeeper, starts it again after {@code downMillis}, and follows the recovery: a thread
   * samples ZooKeeper ({@code mntr}, {@code srvr}) and the harness's own watches every 200 ms,
   * while this one asks every server JVM whether its discoveries are connected and every client
   * JVM whether its clients see every server, as often as they answer.
   */
  private JsonObject restart(long downMillis) throws Exception {
    int expectedTotal = expectedCounts().values().stream().mapToInt(Integer::intValue).sum();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(s.timeoutMillis);
    while (observedTotal() != expectedTotal && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    long ephemerals = ZookeeperServer.number(zk.mntr(), "zk_ephemerals_count");
    String label = downMillis == 0 ? "quick" : "long";
    log(mode + ": restart (" + label + "): kill -9 ZooKeeper, " + ephemerals + " ephemerals, " + observedTotal() + "/"
        + expectedTotal + " members seen");
    List<JsonObject> samples = new ArrayList<>();
    List<JsonObject> checks = new ArrayList<>();
    // the kill comes 400 ms into the sampling, so that the timeline starts with ZooKeeper up
    long kill = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (sampling.get()) {
        long at = System.nanoTime();
        JsonObject sample = zkSample(kill);
        synchronized (samples) {
          samples.add(sample);
        }
        long left = TimeUnit.MILLISECONDS.toNanos(200) - (System.nanoTime() - at);
        if (left > 0) {
          try {
            TimeUnit.NANOSECONDS.sleep(left);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }, "zookeeper-sampler");
    sampler.setDaemon(true);
    sampler.start();
    try {
      TimeUnit.NANOSECONDS.sleep(Math.max(0, kill - System.nanoTime()));
      zk.kill();
      long killedAt = kill;
      Thread.sleep(downMillis);
      zk.start();
      double startedMillis = (System.nanoTime() - killedAt) / 1e6;
      long settle = downMillis == 0 ? 3_000 : s.sessionTimeoutMillis + 3_000L;
      deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(s.timeoutMillis);
      Double up = null;
      while (System.nanoTime() < deadline) {
        JsonObject check = check(killedAt, ephemerals, expectedTotal, samples);
        checks.add(check);
        if (up == null) {
          up = firstUp(samples);
        }
        if (up != null && check.getDouble("t") - up > settle && check.getBoolean("registered")) {
          break;
        }
        Thread.sleep(200);
      }
      for (int i = 0; i < 5; i++) {
        checks.add(check(killedAt, ephemerals, expectedTotal, samples));
        Thread.sleep(200);
      }
      sampling.set(false);
      sampler.join(5_000);
      if (up == null) {
        throw new IllegalStateException("ZooKeeper did not come back within " + s.timeoutMillis + " ms");
      }
      return summarize(samples, checks, downMillis, startedMillis, up);
    } finally {
      sampling.set(false);
      sampler.interrupt();
    }
  }

  private static Double firstUp(List<JsonObject> samples) {
    synchronized (samples) {
      boolean wasDown = false;
      for (JsonObject sample : samples) {
        if (!sample.getBoolean("up")) {
          wasDown = true;
        } else if (wasDown) {
          return sample.getDouble("t");
        }
      }
    }
    return null;
  }

  /** ZooKeeper's counters and the harness's own watches, cheap enough for every 200 ms. */
  private JsonObject zkSample(long kill) {
    long at = System.nanoTime();
    Map<String, String> mntr = zk.mntr();
    boolean up = !mntr.isEmpty();
    return new JsonObject().put("t", Stats.round((at - kill) / 1e6)).put("up", up)
        .put("connections", ZookeeperServer.number(mntr, "zk_num_alive_connections"))
        .put("connectionRequests", ZookeeperServer.number(mntr, "zk_connection_request_count"))
        .put("packetsReceived", ZookeeperServer.number(mntr, "zk_packets_received"))
        .put("outstandingRequests", ZookeeperServer.number(mntr, "zk_outstanding_requests"))
        .put("zxid", up ? zk.zxid() : -1)
        .put("ephemerals", ZookeeperServer.number(mntr, "zk_ephemerals_count"))
        .put("observedMembers", observedTotal());
  }

  /** Asks every worker JVM (10 s each at most; no answer counts as not yet) whether all is back. */
  private JsonObject check(long kill, long ephemerals, int expectedTotal, List<JsonObject> samples) throws InterruptedException {
    int sessions = 0;
    int connected = 0;
    boolean answered = true;
    for (Child child : serverJvms) {
      try {
        JsonObject status = child.request(new JsonObject().put("op", "status"), 10_000);
        sessions += status.getInteger("sessions");
        connected += status.getInteger("connected");
      } catch (IllegalStateException slow) {
        answered = false;
      }
    }
    boolean clientsFull;
    try {
      clientsFull = clientsFull(10_000);
    } catch (IllegalStateException slow) {
      clientsFull = false;
      answered = false;
    }
    JsonObject last;
    synchronized (samples) {
      last = samples.get(samples.size() - 1);
    }
    boolean zkBack = last.getBoolean("up") && last.getLong("ephemerals") == ephemerals
        && last.getInteger("observedMembers") == expectedTotal;
    return new JsonObject().put("t", Stats.round((System.nanoTime() - kill) / 1e6)).put("answered", answered)
        .put("serverSessions", sessions).put("serverSessionsConnected", connected).put("clientsFull", clientsFull)
        .put("zookeeperBack", zkBack)
        .put("registered", answered && zkBack && connected == sessions && clientsFull);
  }

  private JsonObject summarize(List<JsonObject> samples, List<JsonObject> checks, long downMillis, double startedMillis,
                               double upMillis) {
    JsonArray timeline = new JsonArray();
    JsonObject previous = null;
    double peakConnections = 0;
    double peakRequests = 0;
    double peakWrites = 0;
    int fewestSeen = Integer.MAX_VALUE;
    long fewestEphemerals = Long.MAX_VALUE;
    synchronized (samples) {
      for (JsonObject sample : samples) {
        fewestSeen = Math.min(fewestSeen, sample.getInteger("observedMembers"));
        JsonObject row = new JsonObject().put("t", sample.getDouble("t")).put("up", sample.getBoolean("up"))
            .put("connections", sample.getLong("connections")).put("ephemerals", sample.getLong("ephemerals"))
            .put("outstandingRequests", sample.getLong("outstandingRequests"))
            .put("observedMembers", sample.getInteger("observedMembers"));
        if (sample.getBoolean("up") && sample.getDouble("t") > 0) {
          fewestEphemerals = Math.min(fewestEphemerals, sample.getLong("ephemerals"));
        }
        if (previous != null && previous.getBoolean("up") && sample.getBoolean("up")) {
          double seconds = (sample.getDouble("t") - previous.getDouble("t")) / 1_000.0;
          double connections = delta(previous.getLong("connectionRequests"), sample.getLong("connectionRequests")) / seconds;
          double requests = delta(previous.getLong("packetsReceived"), sample.getLong("packetsReceived")) / seconds;
          // srvr may go unanswered where mntr was (-1): no write rate then
          double writes = previous.getLong("zxid") < 0 || sample.getLong("zxid") < 0 ? 0
              : writes(previous.getLong("zxid"), sample.getLong("zxid")) / seconds;
          row.put("connectionsPerSecond", Stats.round(connections)).put("requestsPerSecond", Stats.round(requests))
              .put("writesPerSecond", Stats.round(writes))
              .put("readsAndPingsPerSecond", Stats.round(Math.max(0, requests - writes)));
          peakConnections = Math.max(peakConnections, connections);
          peakRequests = Math.max(peakRequests, requests);
          peakWrites = Math.max(peakWrites, writes);
        } else if (previous != null && !previous.getBoolean("up") && sample.getBoolean("up")) {
          // the first answer of the new JVM: its counters count from its start
          row.put("connectionsSinceStart", sample.getLong("connectionRequests"))
              .put("requestsSinceStart", sample.getLong("packetsReceived"));
        }
        timeline.add(row);
        previous = sample;
      }
    }
    double registeredAgain = -1;
    for (JsonObject check : checks) {
      if (!check.getBoolean("registered")) {
        registeredAgain = -1;
      } else if (registeredAgain < 0) {
        registeredAgain = check.getDouble("t");
      }
    }
    return new JsonObject().put("downMillis", downMillis).put("startedAfterMillis", Stats.round(startedMillis))
        .put("servingAfterMillis", Stats.round(upMillis))
        .put("registeredAgainAfterKillMillis", registeredAgain)
        .put("registeredAgainAfterServingMillis", registeredAgain < 0 ? -1 : Stats.round(registeredAgain - upMillis))
        .put("fewestMembersSeen", fewestSeen).put("fewestEphemerals", fewestEphemerals == Long.MAX_VALUE ? -1 : fewestEphemerals)
        .put("peakConnectionsPerSecond", Stats.round(peakConnections)).put("peakRequestsPerSecond", Stats.round(peakRequests))
        .put("peakWritesPerSecond", Stats.round(peakWrites)).put("timeline", timeline).put("checks", new JsonArray(checks));
  }

  private static long delta(long from, long to) {
    return to >= from ? to - from : to;
  }

  @Override
  public void close() {
    List<AutoCloseable> all = new ArrayList<>();
    all.addAll(clientJvms);
    all.addAll(serverJvms);
    if (observer != null) {
      all.add(() -> observer.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
    }
    if (vertx != null) {
      all.add(() -> vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
    }
    if (zk != null) {
      all.add(zk);
    }
    for (AutoCloseable closeable : all) {
      try {
        closeable.close();
      } catch (Exception e) {
        log("closing: " + e);
      }
    }
  }
}
