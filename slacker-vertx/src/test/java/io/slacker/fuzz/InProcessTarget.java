package io.slacker.fuzz;

import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.test.EchoServices;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** A default server in this JVM, its blocked-thread checker at {@link FuzzTarget#MAX_EVENT_LOOP_MILLIS}. */
final class InProcessTarget implements FuzzTarget {

  private final Vertx vertx = Vertx.vertx(FuzzTarget.vertxOptions());
  private final ServerProblems problems = new ServerProblems(vertx, problem -> { });
  private final SlackerServer server;

  InProcessTarget() throws Exception {
    server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(new EchoServices().definition())
        .register(FuzzServices.definition());
    server.listen().await(10, TimeUnit.SECONDS);
  }

  @Override
  public int port() {
    return server.actualPort();
  }

  @Override
  public List<String> problems() {
    return problems.all();
  }

  @Override
  public long heapAfterGc() {
    return FuzzServices.heapAfterGc();
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
    problems.close();
  }
}
