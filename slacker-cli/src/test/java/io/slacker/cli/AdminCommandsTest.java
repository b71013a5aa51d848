package io.slacker.cli;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.ZookeeperDiscovery;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code slacker offline}, {@code online} and {@code data}: the change reaches the server, shows in
 * {@code slacker ls}, and an application's discovery client routes by it within a second.
 */
@ExtendWith(VertxExtension.class)
class AdminCommandsTest {

  private static CliCluster cluster;
  private static SlackerClient client;
  private static Calculator calculator;

  @BeforeAll
  static void startCluster(Vertx vertx) throws Exception {
    cluster = CliCluster.start(vertx, "admin", 2);
    client = SlackerClient.create(vertx, new SlackerClientOptions(), ZookeeperDiscovery.create(vertx, cluster.discoveryOptions()));
    calculator = client.proxy(Calculator.class, new CallOptions());
    CliCluster.await(calculator.whoAmI());
  }

  @AfterAll
  static void stopCluster() throws Exception {
    CliCluster.await(client.close());
    cluster.close();
  }

  @Test
  void offlineTakesTheServerOutOfRotationAndOnlineBringsItBack() throws Exception {
    String server = cluster.address(1);
    Cli.Result offline = Cli.run(cluster.at("offline", server, "test.Calc"));
    assertEquals(0, offline.exitCode(), offline.toString());
    assertEquals(server + " test.Calc: offline\n", offline.out());

    long routedAway = millisUntil(servers -> servers.stream().noneMatch(s -> s.toString().equals(server)));
    assertTrue(routedAway < 1_000, "the client stopped choosing it after " + routedAway + " ms");
    for (int i = 0; i < 10; i++) {
      assertEquals(cluster.address(0), CliCluster.await(calculator.whoAmI()));
    }
    Cli.Result listed = Cli.run(cluster.at("ls", "test.Calc"));
    assertEquals(0, listed.exitCode(), listed.toString());
    assertTrue(listed.out().replaceAll(" +", " ").contains("test.Calc " + server + " offline - 100 - 1.1\n"), listed.out());
    assertTrue(listed.out().replaceAll(" +", " ").contains("test.Calc " + cluster.address(0) + " online "), listed.out());

    Cli.Result online = Cli.run(cluster.at("online", server, "test.Calc", "-o", "json"));
    assertEquals(0, online.exitCode(), online.toString());
    assertEquals(new JsonObject().put("server", server).put("service", "test.Calc").put("online", true),
        new JsonObject(online.out()));
    long routedBack = millisUntil(servers -> servers.stream().anyMatch(s -> s.toString().equals(server)));
    assertTrue(routedBack < 1_000, "the client chose it again after " + routedBack + " ms");
    assertTrue(Cli.run(cluster.at("ls")).out().replaceAll(" +", " ").contains("test.Calc " + server + " online "));
  }

  @Test
  void aWholeServerOfflineIsListedAsOffline() {
    String server = cluster.address(0);
    assertEquals(0, Cli.run(cluster.at("offline", server)).exitCode());
    try {
      Cli.Result listed = Cli.run(cluster.at("ls"));
      assertTrue(listed.out().replaceAll(" +", " ").contains("test.Calc " + server + " offline "), listed.out());
    } finally {
      assertEquals(0, Cli.run(cluster.at("online", server)).exitCode());
    }
  }

  @Test
  void dataPrintsAndChangesTheServerData() {
    String server = cluster.address(0);
    Cli.Result printed = Cli.run(cluster.at("data", server));
    assertEquals(0, printed.exitCode(), printed.toString());
    assertTrue(printed.out().replaceAll(" +", " ").startsWith("KEY VALUE\nweight 100\nzone -\nversion 1.0\n"), printed.out());

    Cli.Result changed = Cli.run(cluster.at("data", server, "weight=50", "zone=eu-2", "attributes.build=42"));
    assertEquals(0, changed.exitCode(), changed.toString());
    String table = changed.out().replaceAll(" +", " ");
    assertTrue(table.contains("weight 50\nzone eu-2\nversion 1.0\n") && table.contains("attributes.build 42\n"), changed.out());

    Cli.Result listed = Cli.run(cluster.at("ls", "-o", "json"));
    JsonObject data = new JsonObject(listed.out()).getJsonArray("services").getJsonObject(0).getJsonArray("servers")
        .stream().map(JsonObject.class::cast).filter(listedServer -> listedServer.getString("address").equals(server))
        .findFirst().orElseThrow().getJsonObject("data");
    assertEquals(50, data.getInteger("weight"));
    assertEquals("eu-2", data.getString("zone"));
    assertEquals("42", data.getJsonObject("attributes").getString("build"));

    Cli.Result restored = Cli.run(cluster.at("data", server, "weight=100", "zone=", "attributes.build=", "-o", "json"));
    assertEquals(0, restored.exitCode(), restored.toString());
    JsonObject json = new JsonObject(restored.out());
    assertEquals(100, json.getInteger("weight"));
    assertEquals(null, json.getString("zone"));
    assertEquals(new JsonObject(), json.getJsonObject("attributes"));
    assertNotEquals(null, json.getString("incarnation"));
  }

  @Test
  void badDataPairsAreUsageErrors() {
    Cli.Result key = Cli.run(cluster.at("data", cluster.address(0), "colour=blue"));
    assertEquals(2, key.exitCode(), key.toString());
    assertEquals("slacker: unknown server data key 'colour'; keys: weight, zone, version or attributes.<name>\n", key.err());

    Cli.Result weight = Cli.run(cluster.at("data", cluster.address(0), "weight=heavy"));
    assertEquals(2, weight.exitCode(), weight.toString());
    assertEquals("slacker: weight must be a whole number in 0..10000, got 'heavy'\n", weight.err());
  }

  @Test
  void anUnknownServiceOfTheServerIsNotFound() {
    Cli.Result result = Cli.run(cluster.at("offline", cluster.address(0), "test.Nothing"));
    assertEquals(3, result.exitCode(), result.toString());
    assertEquals("slacker: NOT_FOUND: this server runs no service 'test.Nothing'\n", result.err());
  }

  @Test
  void anUnreachableServerIsUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    for (String command : List.of("offline", "online", "data")) {
      Cli.Result result = Cli.run(cluster.at(command, "127.0.0.1:" + closedPort));
      assertEquals(6, result.exitCode(), result.toString());
      assertTrue(result.err().startsWith("slacker: UNAVAILABLE: "), result.err());
    }
  }

  /** @return how long the client took to see the servers {@code until} accepts, bounded by 5 s */
  private static long millisUntil(Predicate<List<ServerInstance>> until) throws Exception {
    long start = System.nanoTime();
    while (!until.test(CliCluster.await(client.servers(CliCluster.SERVICE)))) {
      if (System.nanoTime() - start > 5_000_000_000L) {
        throw new AssertionError("the client's view did not change within 5 s");
      }
      Thread.sleep(5);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }
}
