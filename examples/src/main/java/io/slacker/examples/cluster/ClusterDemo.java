package io.slacker.examples.cluster;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.cluster.ClusterClientOptions;
import io.slacker.cluster.ClusterServerOptions;
import io.slacker.cluster.GroupResult;
import io.slacker.cluster.Grouping;
import io.slacker.cluster.ServerData;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.slacker.spi.LoadBalancer;
import io.slacker.testing.EmbeddedZookeeper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Three servers of a stateful counter service publish themselves in ZooKeeper and elect a
 * leader; a client finds them with no address configured, balances calls over them, calls all
 * of them at once, and sends writes to the leader, also after the leader goes offline.
 *
 * <p>ZooKeeper: the {@code slacker.zookeeper} system property or the {@code SLACKER_ZOOKEEPER}
 * environment variable ({@code host:port}); without either, a real ZooKeeper server is started
 * inside this process.
 */
public final class ClusterDemo {

  static final String SERVICE = "demo.Counter";

  private static final long WAIT_SECONDS = 20;

  private ClusterDemo() {
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      run(vertx);
    } finally {
      vertx.close().await(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  public static void run(Vertx vertx) throws Exception {
    String configured = System.getProperty("slacker.zookeeper", System.getenv("SLACKER_ZOOKEEPER"));
    EmbeddedZookeeper embedded = configured == null ? EmbeddedZookeeper.start() : null;
    String connectString = embedded != null ? embedded.connectString() : configured;
    System.out.println(embedded != null ? "cluster: started an embedded ZooKeeper on " + connectString
        : "cluster: using ZooKeeper at " + connectString);
    ZookeeperDiscoveryOptions zk = new ZookeeperDiscoveryOptions().setConnectString(connectString)
        .setCluster("demo-" + ProcessHandle.current().pid()).setSessionTimeoutMillis(5_000);

    List<SlackerServer> servers = new ArrayList<>();
    List<ZookeeperDiscovery> discoveries = new ArrayList<>();
    try {
      for (int i = 1; i <= 3; i++) {
        ZookeeperDiscovery discovery = ZookeeperDiscovery.create(vertx, zk);
        discoveries.add(discovery);
        servers.add(startServer(vertx, discovery, "zone-" + i));
      }
      ZookeeperDiscovery clientDiscovery = ZookeeperDiscovery.create(vertx, zk);
      discoveries.add(clientDiscovery);
      SlackerClient client = SlackerClient.create(vertx, new SlackerClientOptions()
          .setCluster(new ClusterClientOptions().setLoadBalancer(LoadBalancer.ROUND_ROBIN)), clientDiscovery);

      System.out.println("cluster: servers found in ZooKeeper: " + await(client.servers(SERVICE)));
      Counter anyServer = client.proxy(Counter.class, new CallOptions());
      StringBuilder spread = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        spread.append(i == 0 ? "" : ", ").append(await(anyServer.who()));
      }
      System.out.println("cluster: ONE (round-robin): " + spread);

      GroupResult<String> all = await(client.all(Counter.class, Counter::who));
      System.out.println("cluster: ALL:               " + all);

      waitForLeader(client);
      SocketAddress leader = await(client.leader(SERVICE));
      Counter theLeader = client.proxy(Counter.class, new CallOptions().setGrouping(Grouping.leader()));
      System.out.println("cluster: leader is " + leader.host() + ":" + leader.port());
      System.out.println("cluster: LEADER:            " + await(theLeader.increment()) + ", " + await(theLeader.increment()));

      SlackerServer leading = servers.stream().filter(s -> s.membership().isLeader(SERVICE)).findFirst().orElseThrow();
      await(leading.membership().offline());
      System.out.println("cluster: took the leader offline; waiting for the next one");
      long start = System.nanoTime();
      SocketAddress next;
      while ((next = await(client.leader(SERVICE))) == null || next.equals(leader)) {
        sleep(start);
      }
      System.out.println("cluster: new leader " + next.host() + ":" + next.port() + " after "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
      System.out.println("cluster: LEADER:            " + await(theLeader.increment()));
      await(client.close());
    } finally {
      for (SlackerServer server : servers) {
        server.shutdown(1, TimeUnit.SECONDS).await(WAIT_SECONDS, TimeUnit.SECONDS);
      }
      for (ZookeeperDiscovery discovery : discoveries) {
        discovery.close().await(WAIT_SECONDS, TimeUnit.SECONDS);
      }
      if (embedded != null) {
        embedded.close();
      }
    }
    System.out.println("cluster: servers withdrew, drained and closed");
  }

  private static SlackerServer startServer(Vertx vertx, ZookeeperDiscovery discovery, String zone) throws Exception {
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0)
        .setCluster(new ClusterServerOptions()
            .setServerData(new ServerData().setZone(zone).setVersion("1.0"))
            .addLeaderService(SERVICE)
            .setWithdrawGraceMillis(200)), discovery);
    server.register(Counter.class, new CounterImpl(() -> "127.0.0.1:" + server.actualPort()));
    server.listen().await(WAIT_SECONDS, TimeUnit.SECONDS);
    return server;
  }

  private static void waitForLeader(SlackerClient client) throws Exception {
    long start = System.nanoTime();
    while (await(client.leader(SERVICE)) == null) {
      sleep(start);
    }
  }

  private static void sleep(long since) throws InterruptedException {
    if (System.nanoTime() - since > TimeUnit.SECONDS.toNanos(WAIT_SECONDS)) {
      throw new IllegalStateException("no leader within " + WAIT_SECONDS + " s");
    }
    Thread.sleep(20);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(WAIT_SECONDS, TimeUnit.SECONDS);
  }
}
