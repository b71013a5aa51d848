package io.slacker.cli;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code slacker describe}: what a server runs, asked of the server named or of one found in ZooKeeper. */
@ExtendWith(VertxExtension.class)
class DescribeCommandTest {

  private static CliCluster cluster;

  @BeforeAll
  static void startCluster(Vertx vertx) throws Exception {
    cluster = CliCluster.start(vertx, "describe", 2);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  void aServerIsDescribedWithItsMethodsDataAndClients() {
    Cli.Result result = Cli.run(cluster.at("describe", cluster.address(0)));
    assertEquals(0, result.exitCode(), result.toString());
    String text = result.out().replaceAll(" +", " ");
    assertTrue(text.startsWith("SERVER " + cluster.address(0) + "\nversion "), result.out());
    assertTrue(text.contains("\nstate online\ndata weight 100, version 1.0\n"), result.out());
    assertTrue(text.contains("\nservice test.Calc (online"), result.out());
    assertTrue(text.contains("\nadd(int,int) a: int, b: int Integer idempotent Adds two numbers.\n"), result.out());
    assertTrue(text.contains("\ntotal(java.util.List) values: List<Integer> Calculator.Total - Sums the values"), result.out());
    assertTrue(text.contains("\nwhoAmI() (none) String - The address of the server that ran the call.\n"), result.out());
    // The CLI's own connection is among the clients.
    assertTrue(text.contains("\nCLIENT NAME VERSION CONNECTED SINCE IN FLIGHT SERVED\n127.0.0.1:"), result.out());
    assertTrue(text.contains(" slacker-cli "), result.out());
    assertFalse(text.contains("slacker.Server"), "the built-in service only when asked: " + result.out());
    assertEquals("", result.err());
  }

  @Test
  void aServiceNameAsksOneOfItsServers() {
    Cli.Result result = Cli.run(cluster.at("describe", "test.Calc", "-o", "json"));
    assertEquals(0, result.exitCode(), result.toString());
    JsonObject described = new JsonObject(result.out());
    assertTrue(List.of(cluster.address(0), cluster.address(1)).contains(described.getString("server")), result.out());
    assertEquals(1, described.getJsonArray("services").size());
    JsonObject service = described.getJsonArray("services").getJsonObject(0);
    assertEquals("test.Calc", service.getString("name"));
    JsonObject add = service.getJsonArray("methods").stream().map(JsonObject.class::cast)
        .filter(method -> method.getString("name").equals("add")).findFirst().orElseThrow();
    assertEquals("a", add.getJsonArray("parameters").getJsonObject(0).getString("name"));
    assertTrue(add.getBoolean("idempotent"));
    assertEquals("Adds two numbers.", add.getString("doc"));
  }

  @Test
  void oneServiceOfAServer() {
    Cli.Result result = Cli.run(cluster.at("describe", cluster.address(1), "slacker.Server"));
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().contains("service slacker.Server\n"), result.out());
    assertFalse(result.out().contains("test.Calc"), result.out());
  }

  @Test
  void unknownServicesAreNotFound() {
    Cli.Result inZookeeper = Cli.run(cluster.at("describe", "test.Nothing"));
    assertEquals(3, inZookeeper.exitCode(), inZookeeper.toString());
    assertEquals("slacker: NOT_FOUND: cluster 'describe' has no service 'test.Nothing' (slacker ls lists them)\n",
        inZookeeper.err());

    Cli.Result onServer = Cli.run(cluster.at("describe", cluster.address(0), "test.Nothing"));
    assertEquals(3, onServer.exitCode(), onServer.toString());
    assertEquals("slacker: NOT_FOUND: " + cluster.address(0) + " does not run service 'test.Nothing'\n", onServer.err());
  }

  @Test
  void anUnreachableServerIsUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Cli.Result result = Cli.run(cluster.at("describe", "127.0.0.1:" + closedPort));
    assertEquals(6, result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("slacker: UNAVAILABLE: "), result.err());
  }
}
