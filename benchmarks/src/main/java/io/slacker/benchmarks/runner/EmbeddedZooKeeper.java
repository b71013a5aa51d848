package io.slacker.benchmarks.runner;

import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

import java.io.IOException;
import java.util.Map;

/**
 * A real ZooKeeper server inside the runner's JVM, for the clustered event bus. It lives in the
 * runner so that its CPU is counted against neither the server nor the client measured.
 */
final class EmbeddedZooKeeper implements AutoCloseable {

  private final TestingServer server;

  EmbeddedZooKeeper() throws Exception {
    InstanceSpec spec = new InstanceSpec(null, -1, -1, -1, true, -1, -1, -1,
        Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1");
    server = new TestingServer(spec, true);
  }

  /** @return {@code host:port} to connect to */
  String connectString() {
    return server.getConnectString();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
