package io.slacker.cli;

import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.cluster.ClusterServerOptions;
import io.slacker.cluster.ServerData;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.slacker.testing.EmbeddedZookeeper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the CLI's tests run against: an embedded ZooKeeper and servers of {@link Calculator}, each
 * with its own discovery and so its own session, as separate processes would have. The service
 * elects a leader, so that {@code ls}, {@code watch} and {@code --leader} have one to show; the
 * servers let the CLI use their admin operations without authentication.
 */
final class CliCluster implements AutoCloseable {

  static final String SERVICE = "test.Calc";

  private final Vertx vertx;
  private final String cluster;
  private final EmbeddedZookeeper zookeeper;
  private final List<SlackerServer> servers = new ArrayList<>();
  private final List<ZookeeperDiscovery> discoveries = new ArrayList<>();

  private CliCluster(Vertx vertx, String cluster) throws Exception {
    this.vertx = vertx;
    this.cluster = cluster;
    this.zookeeper = EmbeddedZookeeper.start();
  }

  /** Starts ZooKeeper and {@code count} servers, the i-th with version {@code 1.<i>} in its server data. */
  static CliCluster start(Vertx vertx, String cluster, int count) throws Exception {
    CliCluster started = new CliCluster(vertx, cluster);
    for (int i = 0; i < count; i++) {
      started.startServer(new ServerData().setVersion("1." + i));
    }
    return started;
  }

  SlackerServer startServer(ServerData data) throws Exception {
    ZookeeperDiscovery discovery = ZookeeperDiscovery.create(vertx, discoveryOptions());
    discoveries.add(discovery);
    CalculatorImpl calculator = new CalculatorImpl(vertx);
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0).setAdminWithoutAuthorization(true)
            .setCluster(new ClusterServerOptions().setServerData(data).addLeaderService(SERVICE).setWithdrawGraceMillis(100)),
        discovery).register(Calculator.class, calculator);
    await(server.listen());
    calculator.address("127.0.0.1:" + server.actualPort());
    servers.add(server);
    return server;
  }

  /** @return the index of the server that leads the service, once one does */
  int awaitLeader() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < servers.size(); i++) {
        if (servers.get(i).membership().isLeader(SERVICE)) {
          return i;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no server of " + SERVICE + " became leader within 15 s");
  }

  ZookeeperDiscoveryOptions discoveryOptions() {
    return zookeeper.discoveryOptions().setCluster(cluster);
  }

  /** @return {@code 127.0.0.1:<port>} of the i-th server */
  String address(int i) {
    return "127.0.0.1:" + servers.get(i).actualPort();
  }

  SlackerServer server(int i) {
    return servers.get(i);
  }

  /** {@code args} with the options that point a command at this cluster and a 3 s timeout, unless {@code args} set them. */
  String[] at(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    Map<String, String> defaults = Map.of("--zookeeper", zookeeper.connectString(), "--cluster", cluster, "--timeout", "3s");
    defaults.forEach((option, value) -> {
      if (!all.contains(option)) {
        all.addAll(List.of(option, value));
      }
    });
    return all.toArray(String[]::new);
  }

  EmbeddedZookeeper zookeeper() {
    return zookeeper;
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    for (SlackerServer server : servers) {
      await(server.close());
    }
    for (ZookeeperDiscovery discovery : discoveries) {
      await(discovery.close());
    }
    zookeeper.close();
  }
}
