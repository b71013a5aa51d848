package io.slacker.chaos;

import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;

/**
 * One server JVM of the chaos suite: serves {@link Ledger} (leader-routed) and {@link Echo} on a
 * free loopback port, logging every call it runs. Args: connect string, cluster, session timeout
 * (ms), log file. Prints {@code LISTENING host:port incarnation}, and exits when its standard input
 * closes, so it never outlives the harness.
 */
public final class ChaosServer {

  private ChaosServer() {
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    ZookeeperDiscovery discovery = ZookeeperDiscovery.create(vertx, new ZookeeperDiscoveryOptions()
        .setConnectString(args[0])
        .setCluster(args[1])
        .setSessionTimeoutMillis(Integer.parseInt(args[2]))
        .setConnectionTimeoutMillis(1_000));
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0), discovery);
    // The pid tells two processes that reused one address apart; start time guards against pid reuse.
    String incarnation = ProcessHandle.current().pid() + "@" + ProcessHandle.current().info().startInstant()
        .map(i -> Long.toString(i.toEpochMilli())).orElse("0");
    ExecutionLog log = new ExecutionLog(Path.of(args[3]), incarnation, () -> "127.0.0.1:" + server.actualPort());
    server.register(Ledger.class, new LoggedLedger(log)).register(Echo.class, new LoggedEcho(log));
    server.membership().leadershipHandler(service -> {
      long term = server.membership().leaderTerm(service);
      if (term != 0) {
        log.leads(service, term);
      }
    });
    server.listen().toCompletionStage().toCompletableFuture().get();
    System.out.println("LISTENING 127.0.0.1:" + server.actualPort() + " " + incarnation);
    System.out.flush();
    while (System.in.read() != -1) {
      // Wait for the harness to go away.
    }
    System.exit(0);
  }

  private record LoggedLedger(ExecutionLog log) implements Ledger {
    @Override
    public Future<String> read() {
      return Future.succeededFuture(log.executed(Ledger.NAME + ".read"));
    }

    @Override
    public Future<String> append() {
      return Future.succeededFuture(log.executed(Ledger.NAME + ".append"));
    }
  }

  private record LoggedEcho(ExecutionLog log) implements Echo {
    @Override
    public Future<String> ping() {
      return Future.succeededFuture(log.executed(Echo.NAME + ".ping"));
    }

    @Override
    public Future<String> touch() {
      return Future.succeededFuture(log.executed(Echo.NAME + ".touch"));
    }
  }
}
