package io.slacker.benchmarks.slacker;

import io.slacker.SlackerClient;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.benchmarks.harness.FreePort;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadServer;
import io.slacker.web.SlackerGateway;
import io.slacker.web.SlackerGatewayOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;

/**
 * The Slacker server of slacker-json and, in the same process, the HTTP gateway in front of it:
 * one gateway verticle per core, each with its own Slacker client to the server over 127.0.0.1,
 * all serving one HTTP port. The process's CPU is both the gateway's and the server's.
 */
public final class SlackerGatewayWorkloadServer implements WorkloadServer {

  private Vertx vertx;

  @Override
  public int start(Settings settings) throws Exception {
    vertx = Vertx.vertx();
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(SlackerUserService.class, new SlackerUserServiceImpl());
    int slackerPort = server.listen().await().actualPort();
    int httpPort = FreePort.find();
    SlackerGatewayOptions options = new SlackerGatewayOptions()
        .setServer(SocketAddress.inetSocketAddress(slackerPort, "127.0.0.1"));
    vertx.deployVerticle(() -> new GatewayVerticle(options, httpPort),
        new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors())).await();
    return httpPort;
  }

  @Override
  public void close() {
    vertx.close().await();
  }

  /** A gateway as an application runs one: in the verticle of its HTTP server. */
  private static final class GatewayVerticle extends VerticleBase {

    private final SlackerGatewayOptions options;
    private final int port;

    GatewayVerticle(SlackerGatewayOptions options, int port) {
      this.options = options;
      this.port = port;
    }

    @Override
    public Future<?> start() {
      Router router = Router.router(vertx);
      router.route("/rpc/*").subRouter(SlackerGateway.create(vertx, SlackerClient.create(vertx), options).router());
      return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1");
    }
  }
}
