package io.slacker.benchmarks.floor;

import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadServer;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;

/** Answers each frame with a frame of the response's size: the network and Vert.x, no RPC work. */
public final class FloorServer implements WorkloadServer {

  private Vertx vertx;

  @Override
  public int start(Settings settings) throws Exception {
    FloorFrames frames = FloorFrames.parse(settings.get("frameSizes"));
    vertx = Vertx.vertx();
    NetServer server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0))
        .connectHandler(socket -> socket.handler(LengthPrefixedFrames.parser(body -> socket.write(frames.response(body)))));
    return server.listen().await().actualPort();
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
