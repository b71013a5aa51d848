package io.slacker.testing;

import io.slacker.cluster.ZookeeperDiscoveryOptions;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

import java.util.Map;

/**
 * A real ZooKeeper server inside the test's JVM, on 127.0.0.1 and a free port, with its data in a
 * temporary directory deleted on {@link #close()}. Its short tick lets sessions expire within
 * seconds, so tests of a server going away do not wait for production timeouts.
 */
public final class EmbeddedZookeeper implements AutoCloseable {

  /** ZooKeeper grants session timeouts of 2 to 20 ticks: 0.5 to 5 s with this one. */
  public static final int DEFAULT_TICK_MILLIS = 250;

  private final TestingServer server;
  private final int tickMillis;

  private EmbeddedZookeeper(int tickMillis, int port) throws Exception {
    if (tickMillis <= 0) {
      throw new IllegalArgumentException("tickMillis must be positive, got " + tickMillis);
    }
    this.tickMillis = tickMillis;
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 (any free one) to 65535, got " + port);
    }
    InstanceSpec spec = new InstanceSpec(null, port == 0 ? InstanceSpec.getRandomPort() : port, -1, -1, true, -1, tickMillis, -1,
        Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1");
    server = new TestingServer(spec, true);
  }

  /** Starts a server with {@link #DEFAULT_TICK_MILLIS}; this blocks, so call it from a test's setup, not an event loop. */
  public static EmbeddedZookeeper start() throws Exception {
    return start(DEFAULT_TICK_MILLIS);
  }

  public static EmbeddedZookeeper start(int tickMillis) throws Exception {
    return new EmbeddedZookeeper(tickMillis, 0);
  }

  /** Starts a server on {@code port} of 127.0.0.1 (0: any free one), for a demo that tools connect to. */
  public static EmbeddedZookeeper start(int tickMillis, int port) throws Exception {
    return new EmbeddedZookeeper(tickMillis, port);
  }

  /** @return {@code 127.0.0.1:<port>} */
  public String connectString() {
    return "127.0.0.1:" + server.getPort();
  }

  public int port() {
    return server.getPort();
  }

  public int tickMillis() {
    return tickMillis;
  }

  /**
   * @return discovery options for this server: its connect string, a session timeout of 20
   *     ticks (the most it grants), a 1 s connection timeout and retries of at most 500 ms
   */
  public ZookeeperDiscoveryOptions discoveryOptions() {
    return new ZookeeperDiscoveryOptions()
        .setConnectString(connectString())
        .setSessionTimeoutMillis(20 * tickMillis)
        .setConnectionTimeoutMillis(1_000)
        .setRetryMaxSleepMillis(500);
  }

  /** Stops the server, keeping its data, to test ZooKeeper being down; {@link #restart()} brings it back. */
  public void stop() throws Exception {
    server.stop();
  }

  /** Starts a stopped server again, on the same port, with the same data. */
  public void restart() throws Exception {
    server.restart();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
