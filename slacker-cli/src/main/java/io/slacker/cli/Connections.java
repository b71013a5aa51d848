package io.slacker.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.TokenProvider;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What one run of a command connects to, each opened on first use and all closed at the end:
 * Vert.x, ZooKeeper (only for commands that need it), and a Slacker client that speaks JSON, so
 * that results print as the server sent them.
 */
final class Connections implements AutoCloseable {

  /** Results decode into plain JSON trees; JSON is also what the user typed the arguments in. */
  private static final String SERIALIZATION = "json";
  /** The CLI publishes nothing; a short session only frees ZooKeeper sooner after a killed watch. */
  private static final int SESSION_TIMEOUT_MILLIS = 10_000;
  /** What servers show among their clients (describe). */
  private static final String CLIENT_NAME = "slacker-cli";
  private static final Duration CALL_AWAIT_MARGIN = Duration.ofSeconds(2);

  private final CommonOptions options;
  private final Vertx vertx;
  private CuratorFramework curator;
  private ZookeeperDiscovery discovery;
  private SlackerClient client;
  private SlackerClient routingClient;

  private Connections(CommonOptions options, Vertx vertx) {
    this.options = options;
    this.vertx = vertx;
  }

  static Connections open(CommonOptions options) {
    CliLogging.configure(options.verbose);
    return new Connections(options, Vertx.vertx());
  }

  /**
   * For a command that runs a while and serves HTTP (the gateway): Vert.x's and Slacker's meters
   * on a Prometheus registry of its own, which {@code GET /metrics} serves.
   */
  static Connections openMeasured(CommonOptions options, PrometheusMeterRegistry registry) {
    CliLogging.configure(options.verbose);
    return new Connections(options, Vertx.builder()
        // A name of its own: vertx-micrometer-metrics keeps registries by name, per JVM, and would hand over another's.
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
            .setRegistryName("slacker-gateway-" + System.identityHashCode(registry))))
        .withMetrics(new MicrometerMetricsFactory(registry)).build());
  }

  Vertx vertx() {
    return vertx;
  }

  String cluster() {
    return options.cluster;
  }

  /**
   * @return the cluster's discovery, once ZooKeeper answered
   * @throws CommandFailure {@link ExitCode#ZOOKEEPER_UNREACHABLE} when it does not answer within the timeout
   */
  ZookeeperDiscovery discovery() {
    if (discovery == null) {
      ZookeeperDiscoveryOptions discoveryOptions = discoveryOptions();
      curator = connect();
      discovery = ZookeeperDiscovery.create(vertx, curator, discoveryOptions);
    }
    return discovery;
  }

  /** @return a client for calls to named servers */
  SlackerClient client() {
    if (client == null) {
      client = withToken(SlackerClient.create(vertx, clientOptions()));
    }
    return client;
  }

  /** @return a client that routes calls through the cluster's discovery, as applications do */
  SlackerClient routingClient() {
    if (routingClient == null) {
      routingClient = withToken(SlackerClient.create(vertx, clientOptions(), discovery()));
    }
    return routingClient;
  }

  /**
   * Waits for a call to servers. The client fails a call by its deadline, the timeout; waiting a
   * little longer is only the backstop for a call that nothing ends.
   */
  <T> T awaitCall(Future<T> call) {
    return Await.result(call, options.timeout.plus(CALL_AWAIT_MARGIN), () -> new CommandFailure(ExitCode.DEADLINE_EXCEEDED,
        "DEADLINE_EXCEEDED: no answer within " + DurationConverter.format(options.timeout)));
  }

  /** @return the call's result, or {@code null} if it failed or took longer than the timeout: for what is only nice to know */
  <T> T awaitQuietly(Future<T> call) {
    try {
      return awaitCall(call);
    } catch (RuntimeException failed) {
      return null;
    }
  }

  /** Waits for an answer of ZooKeeper, through discovery. */
  <T> T awaitZookeeper(Future<T> answer) {
    return Await.result(answer, options.timeout, this::zookeeperUnreachable);
  }

  private CommandFailure zookeeperUnreachable() {
    return new CommandFailure(ExitCode.ZOOKEEPER_UNREACHABLE, "ZooKeeper at " + options.zookeeper
        + " did not answer within " + DurationConverter.format(options.timeout)
        + " (is it running? set --zookeeper or SLACKER_ZOOKEEPER)");
  }

  private ZookeeperDiscoveryOptions discoveryOptions() {
    try {
      return new ZookeeperDiscoveryOptions().setConnectString(options.zookeeper).setCluster(options.cluster)
          .setRootPath(options.root);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCode.USAGE, e.getMessage());
    }
  }

  /** Our own Curator client, so that an unreachable ZooKeeper fails the command now rather than being retried for ever. */
  private CuratorFramework connect() {
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, options.timeout.toMillis());
    CuratorFramework framework = CuratorFrameworkFactory.builder()
        .connectString(options.zookeeper)
        .sessionTimeoutMs(Math.max(SESSION_TIMEOUT_MILLIS, timeoutMillis))
        .connectionTimeoutMs(timeoutMillis)
        .retryPolicy(new BoundedExponentialBackoffRetry(100, 1_000, 3))
        .build();
    boolean connected;
    try {
      framework.start();
      connected = framework.blockUntilConnected(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      connected = false;
    } catch (RuntimeException e) {
      framework.close();
      throw new CommandFailure(ExitCode.ZOOKEEPER_UNREACHABLE, "cannot connect to ZooKeeper at " + options.zookeeper
          + ": " + e.getMessage());
    }
    if (!connected) {
      framework.close();
      throw zookeeperUnreachable();
    }
    return framework;
  }

  private SlackerClientOptions clientOptions() {
    SlackerClientOptions clientOptions = new SlackerClientOptions().setSerialization(SERIALIZATION).setName(CLIENT_NAME)
        .setCallTimeoutMillis(Math.max(1, options.timeout.toMillis()));
    if ((options.cert == null) != (options.key == null)) {
      throw new CommandFailure(ExitCode.USAGE, "--cert and --key go together");
    }
    clientOptions.setSsl(options.tls);
    if (options.ca != null) {
      clientOptions.getSslOptions().setTrustOptions(new PemTrustOptions().addCertPath(options.ca));
    }
    if (options.cert != null) {
      clientOptions.getSslOptions().setKeyCertOptions(new PemKeyCertOptions().setCertPath(options.cert).setKeyPath(options.key));
    }
    return clientOptions;
  }

  /** The client with the caller's token, when one was given. */
  private SlackerClient withToken(SlackerClient created) {
    return options.token == null || options.token.isBlank() ? created : created.tokenProvider(TokenProvider.of(options.token));
  }

  /** Closes everything, waiting at most the timeout for each part. */
  @Override
  public void close() {
    Duration wait = options.timeout;
    if (routingClient != null) {
      Await.settle(routingClient.close(), wait);
    }
    if (client != null) {
      Await.settle(client.close(), wait);
    }
    if (discovery != null) {
      Await.settle(discovery.close(), wait);
    }
    if (curator != null) {
      curator.close();
    }
    Await.settle(vertx.close(), wait);
  }
}
