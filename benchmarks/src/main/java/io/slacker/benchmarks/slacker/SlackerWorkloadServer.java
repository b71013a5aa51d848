package io.slacker.benchmarks.slacker;

import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadServer;
import io.slacker.benchmarks.tls.TlsEngine;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;

/**
 * A Slacker server with default options, through the generated invoker; it answers in the
 * serialization of each request. With a TLS engine, over TLS with the runner's certificate.
 */
public final class SlackerWorkloadServer implements WorkloadServer {

  private final TlsEngine tls;
  private final Observation observation;
  private Vertx vertx;

  public SlackerWorkloadServer() {
    this(TlsEngine.NONE);
  }

  public SlackerWorkloadServer(TlsEngine tls) {
    this(tls, Observation.NONE);
  }

  public SlackerWorkloadServer(TlsEngine tls, Observation observation) {
    this.tls = tls;
    this.observation = observation;
  }

  @Override
  public int start(Settings settings) {
    vertx = observation.vertx();
    SlackerServerOptions options = new SlackerServerOptions().setHost("127.0.0.1").setPort(0);
    if (tls != TlsEngine.NONE) {
      options.setSsl(true).setSslEngineOptions(tls.options()).setSslOptions(new ServerSSLOptions().setKeyCertOptions(
          new PemKeyCertOptions().addCertPath(settings.get("tlsCert")).addKeyPath(settings.get("tlsKey"))));
    }
    SlackerServer server = SlackerServer.create(vertx, options)
        .register(SlackerUserService.class, new SlackerUserServiceImpl());
    return server.listen().await().actualPort();
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
