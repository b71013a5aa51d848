package io.slacker.cli;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The executable jar as {@code ./slacker} runs it, in its own JVM: it starts, its merged service
 * files let it call a generated service, and the libraries' logs stay off stderr. Runs in the
 * {@code shaded-jar-test} execution, after the jar is built.
 */
@ExtendWith(VertxExtension.class)
class ShadedJarTest {

  private static Path jar;

  @BeforeAll
  static void findJar() {
    String path = System.getProperty("slacker.cli.jar");
    assumeTrue(path != null, "runs in the shaded-jar-test execution, in the package phase");
    jar = Path.of(path);
    assertTrue(Files.isRegularFile(jar), jar + " exists");
  }

  @Test
  void helpRuns() throws Exception {
    Cli.Result result = run("--help");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().startsWith("Usage: slacker "), result.toString());
    assertEquals("", result.err());
    assertTrue(run("--version").out().startsWith("slacker 0."), "the manifest's version");
  }

  @Test
  void anUnreachableZookeeperGivesOneLineAndExit7() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Cli.Result result = run("ls", "--zookeeper", "127.0.0.1:" + closedPort, "--timeout", "1s");
    assertEquals(7, result.exitCode(), result.toString());
    assertEquals("slacker: ZooKeeper at 127.0.0.1:" + closedPort + " did not answer within 1s (is it running?"
        + " set --zookeeper or SLACKER_ZOOKEEPER)\n", result.err(), "nothing but the message");
  }

  @Test
  void listsAndCallsARealCluster(Vertx vertx) throws Exception {
    try (CliCluster cluster = CliCluster.start(vertx, "jar", 1)) {
      Cli.Result listed = run(cluster.at("ls"));
      assertEquals(0, listed.exitCode(), listed.toString());
      assertTrue(listed.out().contains("test.Calc  " + cluster.address(0) + "  online"), listed.toString());
      Cli.Result called = run(cluster.at("call", "test.Calc", "add", "[40, 2]"));
      assertEquals(0, called.exitCode(), called.toString());
      assertEquals("42\n", called.out());
      assertEquals("", called.err());
    }
  }

  private static Cli.Result run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    command.addAll(List.of(args));
    File out = File.createTempFile("slacker-out", ".txt");
    File err = File.createTempFile("slacker-err", ".txt");
    try {
      Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not end within 60 s");
      }
      return new Cli.Result(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
          Files.readString(err.toPath(), StandardCharsets.UTF_8));
    } finally {
      out.delete();
      err.delete();
    }
  }
}
