package io.slacker.benchmarks.slacker;

import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadServer;
import io.vertx.core.Vertx;

/** A Slacker server with default options; it answers in whatever serialization a request uses. */
public final class SlackerWorkloadServer implements WorkloadServer {

  private Vertx vertx;

  @Override
  public int start(Settings settings) {
    vertx = Vertx.vertx();
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(UserServiceMethods.definition());
    return server.listen().await().actualPort();
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
