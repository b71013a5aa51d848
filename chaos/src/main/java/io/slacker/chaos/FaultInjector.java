package io.slacker.chaos;

import io.slacker.SlackerClient;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Injects the faults, one at a time, on the harness thread (never an event loop: it sleeps and waits on processes). */
final class FaultInjector {

  private final ChaosSettings settings;
  private final ZookeeperEnsemble ensemble;
  private final ServerFleet fleet;
  private final SlackerClient client;
  private final Random random;
  private final List<Fault> faults = new ArrayList<>();

  FaultInjector(ChaosSettings settings, ZookeeperEnsemble ensemble, ServerFleet fleet, SlackerClient client) {
    this.settings = settings;
    this.ensemble = ensemble;
    this.fleet = fleet;
    this.client = client;
    this.random = new Random(settings.seed());
  }

  /** Rounds of every fault until {@code settings.minutes()} have passed, at least one round; each fault followed by a calm gap. */
  List<Fault> run() throws Exception {
    long end = System.nanoTime() + (long) (settings.minutes() * 60_000_000_000L);
    do {
      killServer();
      calm();
      killLeader();
      calm();
      pauseLeader();
      calm();
      killZookeeperNode();
      calm();
      zookeeperOutage();
      calm();
    } while (System.nanoTime() < end);
    return List.copyOf(faults);
  }

  private void calm() throws InterruptedException {
    Thread.sleep(settings.gapMillis());
  }

  private void killServer() throws Exception {
    ServerFleet.Server leader = leader();
    List<ServerFleet.Server> others = fleet.live().stream().filter(s -> s != leader).toList();
    ServerFleet.Server victim = others.get(random.nextInt(others.size()));
    long at = System.nanoTime();
    fleet.kill(victim);
    faults.add(new Fault(Fault.KILL_SERVER, victim.address(), at, System.nanoTime()));
    fleet.start(1);
  }

  private void killLeader() throws Exception {
    ServerFleet.Server leader = leader();
    long at = System.nanoTime();
    fleet.kill(leader);
    faults.add(new Fault(Fault.KILL_LEADER, leader.address(), at, System.nanoTime()));
    fleet.start(1);
  }

  private void pauseLeader() throws Exception {
    ServerFleet.Server leader = leader();
    long at = System.nanoTime();
    Processes.pause(leader.process());
    try {
      Thread.sleep(settings.pauseMillis());
    } finally {
      Processes.resume(leader.process());
    }
    faults.add(new Fault(Fault.PAUSE_LEADER, leader.address() + " for " + settings.pauseMillis() + " ms", at, System.nanoTime()));
  }

  /** Kills the ensemble's own leader, the member whose loss costs the most, and restarts it after a while. */
  private void killZookeeperNode() throws Exception {
    int member = ensemble.leaderIndex();
    int victim = member >= 0 ? member : random.nextInt(ZookeeperEnsemble.SIZE);
    long at = System.nanoTime();
    ensemble.kill(victim);
    Thread.sleep(settings.zookeeperDownMillis());
    ensemble.start(victim);
    faults.add(new Fault(Fault.KILL_ZOOKEEPER_NODE, "zk" + (victim + 1) + (member >= 0 ? " (ensemble leader)" : "")
        + " for " + settings.zookeeperDownMillis() + " ms", at, System.nanoTime()));
    ensemble.awaitServing(ZookeeperEnsemble.SIZE, 60_000);
  }

  private void zookeeperOutage() throws Exception {
    long at = System.nanoTime();
    for (int i = 0; i < ZookeeperEnsemble.SIZE; i++) {
      ensemble.kill(i);
    }
    Thread.sleep(settings.outageMillis());
    for (int i = 0; i < ZookeeperEnsemble.SIZE; i++) {
      ensemble.start(i);
    }
    faults.add(new Fault(Fault.ZOOKEEPER_OUTAGE, "all 3 for " + settings.outageMillis() + " ms", at, System.nanoTime()));
    ensemble.awaitServing(ZookeeperEnsemble.SIZE, 60_000);
  }

  /** @return the live server the client sees as leader, waiting for one for up to a minute */
  private ServerFleet.Server leader() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (System.nanoTime() < deadline) {
      SocketAddress address = client.leader(Ledger.NAME).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      ServerFleet.Server server = address == null ? null : fleet.byAddress(address.host() + ":" + address.port());
      if (server != null) {
        return server;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no live leader of " + Ledger.NAME + " within a minute");
  }
}
