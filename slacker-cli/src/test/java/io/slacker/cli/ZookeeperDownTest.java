package io.slacker.cli;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without ZooKeeper, every command that needs it fails within its timeout with exit code 7; the others still work. */
@ExtendWith(VertxExtension.class)
class ZookeeperDownTest {

  @Test
  void commandsThatNeedZookeeperFailFastWithExitCode7() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String zookeeper = "127.0.0.1:" + closedPort;
    List<List<String>> commands = List.of(List.of("ls"), List.of("watch", "--for", "10s"), List.of("call", "test.Calc", "add", "[1, 2]"),
        List.of("describe", "test.Calc"), List.of("call", "test.Calc", "add", "[1, 2]", "--all"));
    for (List<String> command : commands) {
      long start = System.nanoTime();
      Cli.Result result = Cli.run(withOptions(command, "--zookeeper", zookeeper, "--timeout", "1s"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(7, result.exitCode(), command + ": " + result);
      assertEquals("slacker: ZooKeeper at " + zookeeper + " did not answer within 1s (is it running? set --zookeeper"
          + " or SLACKER_ZOOKEEPER)\n", result.err(), command.toString());
      assertEquals("", result.out());
      assertTrue(millis < 4_000, command + " took " + millis + " ms");
    }
  }

  @Test
  void aZookeeperThatStopsFailsTheNextCommandButNotCallsToANamedServer(Vertx vertx) throws Exception {
    try (CliCluster cluster = CliCluster.start(vertx, "down", 1)) {
      assertEquals(0, Cli.run(cluster.at("ls")).exitCode());
      cluster.zookeeper().stop();

      Cli.Result listed = Cli.run(cluster.at("ls", "--timeout", "1s"));
      assertEquals(7, listed.exitCode(), listed.toString());
      assertTrue(listed.err().startsWith("slacker: ZooKeeper at " + cluster.zookeeper().connectString() + " did not answer"),
          listed.err());

      Cli.Result called = Cli.run(cluster.at("call", "test.Calc", "add", "[40, 2]", "--server", cluster.address(0)));
      assertEquals(0, called.exitCode(), called.toString());
      assertEquals("42\n", called.out());
      cluster.zookeeper().restart();
    }
  }

  private static String[] withOptions(List<String> command, String... options) {
    return Stream.concat(command.stream(), List.of(options).stream()).toArray(String[]::new);
  }
}
