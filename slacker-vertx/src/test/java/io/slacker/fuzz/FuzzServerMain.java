package io.slacker.fuzz;

import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.test.EchoServices;
import io.vertx.core.Vertx;

/**
 * The server of the long fuzz run, in its own JVM with a small heap: a default server with
 * {@link EchoServices} and {@link FuzzServices} on 127.0.0.1. It prints {@code PORT n} once it
 * listens, then {@code PROBLEM ...} (one line) for each {@link ServerProblems problem}.
 */
public final class FuzzServerMain {

  private FuzzServerMain() {
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx(FuzzTarget.vertxOptions());
    new ServerProblems(vertx, problem -> System.out.println("PROBLEM " + problem.replace('\n', '|')));
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(new EchoServices().definition())
        .register(FuzzServices.definition());
    server.listen().await();
    System.out.println("PORT " + server.actualPort());
  }
}
