package io.slacker.chaos;

import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.cluster.ClusterClientOptions;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One chaos run: the ensemble, the servers, the load, the faults, then the invariants. Everything
 * it starts is stopped before it returns, whatever happens.
 */
final class ChaosRun {

  private static final String CLUSTER = "chaos";

  private ChaosRun() {
  }

  /** @param dir a new directory: logs of an earlier run there would mix with this run's */
  static ChaosReport run(ChaosSettings settings, Path dir) throws Exception {
    if (Files.exists(dir)) {
      throw new IllegalArgumentException(dir + " exists; a run needs a directory of its own");
    }
    Files.createDirectories(dir);
    Vertx vertx = Vertx.vertx();
    try (ZookeeperEnsemble ensemble = new ZookeeperEnsemble(dir, settings.tickMillis())) {
      for (int i = 0; i < ZookeeperEnsemble.SIZE; i++) {
        ensemble.start(i);
      }
      ensemble.awaitServing(ZookeeperEnsemble.SIZE, 60_000);
      try (ServerFleet fleet = new ServerFleet(dir, ensemble.connectString(), CLUSTER, settings.sessionTimeoutMillis())) {
        fleet.start(settings.servers());
        ZookeeperDiscovery discovery = ZookeeperDiscovery.create(vertx, new ZookeeperDiscoveryOptions()
            .setConnectString(ensemble.connectString()).setCluster(CLUSTER)
            .setSessionTimeoutMillis(settings.sessionTimeoutMillis()).setConnectionTimeoutMillis(1_000));
        SlackerClient client = SlackerClient.create(vertx, new SlackerClientOptions().setCallTimeoutMillis(settings.callTimeoutMillis())
            .setCluster(new ClusterClientOptions().setAttemptTimeoutMillis(settings.attemptTimeoutMillis())), discovery);
        FaultInjector injector = new FaultInjector(settings, ensemble, fleet, client);
        long maxLoadMillis = (long) (settings.minutes() * 60_000) + TimeUnit.MINUTES.toMillis(10);
        LoadClient load = new LoadClient(vertx, client, settings.concurrency(), settings.callPauseMillis(), maxLoadMillis, settings.seed());
        long loadStart = System.nanoTime();
        load.start();
        // A calm start, so the table shows the cluster healthy before the first fault.
        Thread.sleep(settings.gapMillis());
        List<Fault> faults = injector.run();
        // The run ends with the cluster recovered: the table then shows how long LEADER calls took to come back.
        long lastFaultEnd = faults.get(faults.size() - 1).endNanos();
        long recoveryDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (load.lastLeaderSuccess() < lastFaultEnd && System.nanoTime() < recoveryDeadline) {
          Thread.sleep(100);
        }
        Thread.sleep(settings.gapMillis());
        List<Outcome> outcomes = load.stop().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
        long loadEnd = System.nanoTime();
        Set<String> live = fleet.live().stream().map(ServerFleet.Server::address).collect(Collectors.toSet());
        // Dead servers stay listed until their sessions expire; a restarted ensemble may need a few more seconds.
        Verdict tree = ZookeeperTree.await(ensemble.connectString(), CLUSTER, live, 3L * settings.sessionTimeoutMillis() + 10_000);
        client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        discovery.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        Invariants invariants = new Invariants(readLogs(fleet.logDirectory()), outcomes);
        List<Verdict> verdicts = new ArrayList<>(invariants.check());
        verdicts.add(tree);
        String table = new ResultsTable(settings, faults, outcomes, verdicts, invariants.deadlineExceededButRan(), loadStart, loadEnd)
            .render();
        return new ChaosReport(faults, outcomes, List.copyOf(verdicts), table);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static List<Execution> readLogs(Path dir) throws IOException {
    List<Execution> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("server-\\d+\\.log")).toList()) {
        Files.readAllLines(file).stream().map(Execution::parse).filter(Objects::nonNull).forEach(records::add);
      }
    }
    return records;
  }
}
