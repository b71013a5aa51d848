package io.slacker.cluster;

import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.vertx.core.Vertx;

/**
 * A {@link Who} server in its own JVM, for tests that must lose a whole process. Publishes in
 * ZooKeeper (args: connect string, cluster), prints {@code LISTENING host:port}, and exits
 * when its standard input closes, so it never outlives the test JVM.
 */
public final class ForkedWhoServer {

  private ForkedWhoServer() {
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    ZookeeperDiscovery discovery = ZookeeperDiscovery.create(vertx, new ZookeeperDiscoveryOptions()
        .setConnectString(args[0])
        .setCluster(args[1])
        .setSessionTimeoutMillis(Integer.parseInt(args[2]))
        .setConnectionTimeoutMillis(1_000));
    Who.Impl who = new Who.Impl(vertx);
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0)
        .setCluster(new ClusterServerOptions().addLeaderService(Who.NAME)), discovery);
    server.register(Who.class, who);
    who.self(() -> "127.0.0.1:" + server.actualPort());
    server.listen().toCompletionStage().toCompletableFuture().get();
    System.out.println("LISTENING 127.0.0.1:" + server.actualPort());
    System.out.flush();
    while (System.in.read() != -1) {
      // Wait for the parent to go away.
    }
    System.exit(0);
  }
}
