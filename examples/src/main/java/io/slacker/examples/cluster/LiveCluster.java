package io.slacker.examples.cluster;

import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.cluster.ClusterServerOptions;
import io.slacker.cluster.ServerData;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.slacker.examples.Greeter;
import io.slacker.examples.GreeterImpl;
import io.slacker.testing.EmbeddedZookeeper;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A demo cluster that stays up for the operator tools ({@code ./demo.sh --keep-running}): ZooKeeper
 * on 127.0.0.1:2181 (or the one configured), cluster {@code default}, three servers of
 * {@code demo.Counter} (leader-routed) on ports 2201 to 2203, two of them also serving
 * {@code demo.Greeter}. Ports already taken are replaced by free ones. The servers allow the admin
 * operations without authentication, as no real deployment should: it is a demo on loopback.
 */
public final class LiveCluster {

  private static final int ZOOKEEPER_PORT = 2181;
  private static final int FIRST_SERVER_PORT = 2201;

  private LiveCluster() {
  }

  /**
   * Starts the cluster and returns only when the process is stopped (Ctrl-C).
   *
   * @param scrape where Prometheus scrapes the cluster's meters
   */
  public static void run(Vertx vertx, String scrape) throws Exception {
    String configured = System.getProperty("slacker.zookeeper", System.getenv("SLACKER_ZOOKEEPER"));
    EmbeddedZookeeper embedded = configured == null
        ? EmbeddedZookeeper.start(EmbeddedZookeeper.DEFAULT_TICK_MILLIS, free(ZOOKEEPER_PORT) ? ZOOKEEPER_PORT : 0) : null;
    String connectString = embedded != null ? embedded.connectString() : configured;
    ZookeeperDiscoveryOptions zk = new ZookeeperDiscoveryOptions().setConnectString(connectString);
    StringBuilder servers = new StringBuilder();
    int firstPort = 0;
    for (int i = 0; i < 3; i++) {
      int wanted = FIRST_SERVER_PORT + i;
      SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1")
              .setPort(free(wanted) ? wanted : 0).setAdminWithoutAuthorization(true)
              .setCluster(new ClusterServerOptions().addLeaderService(ClusterDemo.SERVICE).setWithdrawGraceMillis(200)
                  .setServerData(new ServerData().setZone("zone-" + (i + 1)).setVersion("1.0"))),
          ZookeeperDiscovery.create(vertx, zk));
      server.register(Counter.class, new CounterImpl(() -> "127.0.0.1:" + server.actualPort()));
      if (i < 2) {
        server.register(Greeter.class, new GreeterImpl());
      }
      server.listen().await(20, TimeUnit.SECONDS);
      firstPort = i == 0 ? server.actualPort() : firstPort;
      servers.append(i == 0 ? "" : ", ").append("127.0.0.1:").append(server.actualPort());
    }
    String zookeeper = embedded != null ? "an embedded ZooKeeper on " + connectString : "ZooKeeper at " + connectString;
    String zkOption = connectString.equals("127.0.0.1:" + ZOOKEEPER_PORT) ? "" : " --zookeeper " + connectString;
    System.out.println("""

        live: the demo cluster stays up: %s, cluster 'default', servers %s.
        live: it allows admin operations without authentication, as only a demo on loopback should.
        live: in another terminal, try:
          ./slacker ls%s
          ./slacker describe demo.Greeter%s
          ./slacker call demo.Greeter greet '["Ada"]'%s
          ./slacker call demo.Counter increment '[]' --leader%s
          ./slacker call demo.Counter who '[]' --all%s
          ./slacker offline 127.0.0.1:%d demo.Counter%s     (then ./slacker ls, and online again)
          ./slacker watch%s
          curl -s %s | grep '^rpc_'
          ./slacker gateway --port 8080%s   then: curl -s localhost:8080/demo.Greeter/greet -H 'Content-Type: application/json' -d '["Ada"]'
        live: Ctrl-C stops it.""".formatted(zookeeper, servers, zkOption, zkOption, zkOption, zkOption, zkOption,
        firstPort, zkOption, zkOption, scrape, zkOption));
    new CountDownLatch(1).await();
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
