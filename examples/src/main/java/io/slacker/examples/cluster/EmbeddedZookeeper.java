package io.slacker.examples.cluster;

import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real ZooKeeper server inside this process, on 127.0.0.1 and a free port, with its data in a
 * temporary directory removed on close: what the demo uses when no ZooKeeper is configured.
 */
public final class EmbeddedZookeeper implements AutoCloseable {

  private static final int TICK_MILLIS = 500;

  private final Path dataDir;
  private final ZooKeeperServer server;
  private final ServerCnxnFactory connections;

  public EmbeddedZookeeper() throws IOException, InterruptedException {
    dataDir = Files.createTempDirectory("slacker-zookeeper");
    File dir = dataDir.toFile();
    server = new ZooKeeperServer(dir, dir, TICK_MILLIS);
    connections = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 100);
    connections.startup(server);
  }

  public String connectString() {
    return "127.0.0.1:" + connections.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    connections.shutdown();
    server.shutdown();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
