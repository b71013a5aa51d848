package io.slacker.benchmarks.slacker;

import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadServer;
import io.vertx.core.Vertx;

/** A Slacker server with default options, through the generated invoker; it answers in the serialization of each request. */
public final class SlackerWorkloadServer implements WorkloadServer {

  private Vertx vertx;

  @Override
  public int start(Settings settings) {
    vertx = Vertx.vertx();
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(SlackerUserService.class, new SlackerUserServiceImpl());
    return server.listen().await().actualPort();
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
