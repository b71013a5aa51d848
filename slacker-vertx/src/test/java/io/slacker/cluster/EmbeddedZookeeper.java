package io.slacker.cluster;

import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A real ZooKeeper server in-process, on 127.0.0.1 only, with a short tick so sessions can be 1..5 s. */
final class EmbeddedZookeeper implements AutoCloseable {

  static final int TICK_MILLIS = 250;

  static {
    // "mntr" counts live sessions, "srvr" tells the last transaction id: writes are counted by it.
    System.setProperty("zookeeper.4lw.commands.whitelist", "mntr,srvr");
    // ZooKeeper reads the list once per JVM: another server of the test run may have read it first.
    org.apache.zookeeper.server.command.FourLetterCommands.resetWhiteList();
  }

  private final TestingServer server;

  EmbeddedZookeeper() throws Exception {
    InstanceSpec spec = new InstanceSpec(null, InstanceSpec.getRandomPort(), -1, -1, true, -1, TICK_MILLIS, -1,
        Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1");
    server = new TestingServer(spec, true);
  }

  String connectString() {
    return "127.0.0.1:" + server.getPort();
  }

  ZookeeperDiscoveryOptions options(String cluster) {
    return new ZookeeperDiscoveryOptions()
        .setConnectString(connectString())
        .setCluster(cluster)
        .setSessionTimeoutMillis(3_000)
        .setConnectionTimeoutMillis(1_000)
        .setRetryMaxSleepMillis(500);
  }

  /** @return the client connections the server has open, one per live session of this test's clients */
  int aliveConnections() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
      socket.getOutputStream().write("mntr".getBytes(StandardCharsets.US_ASCII));
      String report = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      for (String line : report.split("\n")) {
        if (line.startsWith("zk_num_alive_connections")) {
          return Integer.parseInt(line.split("\t")[1].trim());
        }
      }
      throw new IllegalStateException("no connection count in: " + report);
    }
  }

  /** @return the id of the last write transaction: it grows by one per write (a multi-operation transaction is one) */
  long lastZxid() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
      socket.getOutputStream().write("srvr".getBytes(StandardCharsets.US_ASCII));
      String report = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      for (String line : report.split("\n")) {
        if (line.startsWith("Zxid:")) {
          return Long.decode(line.substring("Zxid:".length()).trim());
        }
      }
      throw new IllegalStateException("no zxid in: " + report);
    }
  }

  void stop() throws Exception {
    server.stop();
  }

  void restart() throws Exception {
    server.restart();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
