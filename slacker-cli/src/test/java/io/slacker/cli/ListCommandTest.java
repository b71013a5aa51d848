package io.slacker.cli;

import io.slacker.cluster.ServerData;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code slacker ls}: services, servers, data and leader from ZooKeeper, in columns or as JSON. */
@ExtendWith(VertxExtension.class)
class ListCommandTest {

  private static CliCluster cluster;
  private static int leader;

  @BeforeAll
  static void startCluster(Vertx vertx) throws Exception {
    cluster = CliCluster.start(vertx, "ls", 2);
    CliCluster.await(cluster.server(1).membership().updateData(new ServerData().setVersion("1.1").setZone("eu-1").setWeight(7)));
    leader = cluster.awaitLeader();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  void theTableListsEachServerWithItsDataAndTheLeader() {
    Cli.Result result = Cli.run(cluster.at("ls"));
    assertEquals(0, result.exitCode(), result.toString());
    List<String> lines = result.out().lines().toList();
    assertEquals(3, lines.size(), result.out());
    assertEquals(List.of("SERVICE", "SERVER", "STATE", "LEADER", "WEIGHT", "ZONE", "VERSION"), List.of(lines.get(0).split(" +")));
    // Servers are listed sorted by address.
    List<String> expected = Stream.of(
        "test.Calc " + cluster.address(0) + " online " + (leader == 0 ? "yes" : "-") + " 100 - 1.0",
        "test.Calc " + cluster.address(1) + " online " + (leader == 1 ? "yes" : "-") + " 7 eu-1 1.1").sorted().toList();
    assertEquals(expected, lines.subList(1, 3).stream().map(line -> line.replaceAll(" +", " ")).toList());
    // Aligned: every column starts where its header does.
    int stateColumn = lines.get(0).indexOf("STATE");
    lines.forEach(line -> assertTrue(line.substring(stateColumn).matches("^(STATE|online).*"), line));
    assertEquals("", result.err());
  }

  @Test
  void jsonHasTheSameContent() {
    Cli.Result result = Cli.run(cluster.at("ls", "test.Calc", "-o", "json"));
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(1, result.out().lines().count(), "one line: " + result.out());
    JsonObject listed = new JsonObject(result.out());
    assertEquals("ls", listed.getString("cluster"));
    JsonObject service = listed.getJsonArray("services").getJsonObject(0);
    assertEquals("test.Calc", service.getString("name"));
    assertEquals(cluster.address(leader), service.getString("leader"));
    JsonArray servers = service.getJsonArray("servers");
    assertEquals(2, servers.size());
    JsonObject second = servers.stream().map(JsonObject.class::cast)
        .filter(server -> server.getString("address").equals(cluster.address(1))).findFirst().orElseThrow();
    assertEquals(7, second.getJsonObject("data").getInteger("weight"));
    assertEquals("eu-1", second.getJsonObject("data").getString("zone"));
    assertEquals("1.1", second.getJsonObject("data").getString("version"));
    assertEquals(leader == 1, second.getBoolean("leader"));
    assertEquals(new JsonArray(), service.getJsonArray("offline"));
    assertEquals(2, listed.getJsonArray("servers").size());
  }

  @Test
  void anUnknownServiceIsNotFound() {
    Cli.Result result = Cli.run(cluster.at("ls", "test.Nothing"));
    assertEquals(3, result.exitCode(), result.toString());
    assertEquals("slacker: NOT_FOUND: cluster 'ls' has no service 'test.Nothing' (slacker ls lists them)\n", result.err());
    assertEquals("", result.out());
  }

  @Test
  void anEmptyClusterListsNothing() {
    Cli.Result result = Cli.run(cluster.at("ls", "--cluster", "empty"));
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("SERVICE  SERVER  STATE  LEADER  WEIGHT  ZONE  VERSION\n", result.out());
  }
}
