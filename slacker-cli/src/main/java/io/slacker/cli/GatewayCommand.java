package io.slacker.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.slacker.SlackerClient;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.web.SlackerGateway;
import io.slacker.web.SlackerGatewayOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

@Command(name = "gateway", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Runs the HTTP/JSON gateway: POST /<service>/<method> with a JSON array of arguments, or an object"
        + " of them by parameter name, answers the JSON result; GET / lists the services and their methods;"
        + " GET /health reports the gateway and its ZooKeeper connection (200 UP, 503 DOWN).",
        "Calls go where discovery sends them, or to --server. Headers: X-Slacker-Timeout (2s, 500ms),"
            + " X-Slacker-Meta-<key>, Authorization: Bearer <token>. Runs until interrupted (Ctrl-C) or for --for."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  slacker gateway --port 8080",
        "  slacker gateway --port 8080 --host 0.0.0.0 --zookeeper zk1:2181 --cluster shop",
        "  slacker gateway --server 10.0.0.5:2104",
        "",
        "  curl -s -X POST localhost:8080/shop.Greeter/greet -H 'Content-Type: application/json' -d '[\"Ada\"]'",
        "  curl -s -X POST localhost:8080/shop.Greeter/greet -H 'Content-Type: application/json' -d '{\"name\": \"Ada\"}'",
        "  curl -s localhost:8080/",
        "  curl -s localhost:8080/health"})
final class GatewayCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Interface to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every one).")
  String host;

  @Option(names = "--server", paramLabel = "host:port", converter = ServerAddressConverter.class,
      description = "Send every call to this server, without ZooKeeper.")
  SocketAddress server;

  @Option(names = "--max-body-size", paramLabel = "bytes", defaultValue = "" + SlackerGatewayOptions.DEFAULT_MAX_BODY_SIZE,
      description = "Largest request body; a larger one is answered 413 (default: ${DEFAULT-VALUE}).")
  long maxBodySize;

  @Option(names = "--for", paramLabel = "duration", converter = DurationConverter.class,
      description = "Stop after this long, e.g. 10m (default: until interrupted).")
  Duration duration;

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    SlackerGatewayOptions options;
    try {
      options = new SlackerGatewayOptions().setMaxBodySize(maxBodySize).setServer(server);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCode.USAGE, e.getMessage());
    }
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (Connections connections = Connections.openMeasured(common, metrics)) {
      SlackerClient client = server != null ? connections.client() : connections.routingClient();
      // Connected here, on this thread: the verticle's start runs on an event loop, which must not wait for ZooKeeper.
      ZookeeperDiscovery discovery = server != null ? null : connections.discovery();
      JsonObject calls = server != null ? new JsonObject().put("server", server.host() + ":" + server.port())
          : new JsonObject().put("zookeeper", common.zookeeper).put("cluster", common.cluster);
      Future<String> deployed = connections.vertx().deployVerticle(new VerticleBase() {
        @Override
        public Future<?> start() {
          SlackerGateway gateway = discovery == null ? SlackerGateway.create(vertx, client, options)
              : SlackerGateway.create(vertx, client, discovery, options);
          return vertx.createHttpServer().requestHandler(GatewayRoutes.router(vertx, gateway, discovery, calls, metrics)).listen(port, host);
        }
      });
      try {
        Await.result(deployed, common.timeout, () -> new CommandFailure(ExitCode.FAILURE,
            "the gateway did not start listening within " + DurationConverter.format(common.timeout)));
      } catch (CommandFailure failure) {
        throw failure;
      } catch (RuntimeException e) {
        throw new CommandFailure(ExitCode.FAILURE, "the gateway cannot listen on " + host + ":" + port + ": " + e.getMessage());
      }
      out.println("slacker gateway: listening on http://" + host + ":" + port + "/, calls go to "
          + (server != null ? server.host() + ":" + server.port()
          : "the servers of cluster '" + common.cluster + "' in ZooKeeper at " + common.zookeeper));
      out.flush();
      CountDownLatch never = new CountDownLatch(1);
      if (duration == null) {
        never.await();
      } else {
        never.await(duration.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
    return ExitCode.OK.code();
  }
}
