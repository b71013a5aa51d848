package io.slacker.cli;

import io.slacker.MethodDescriptor;
import io.slacker.ServiceDefinition;
import io.slacker.cluster.ServerData;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code slacker watch}: membership, data and leader changes printed as they happen, until --for ends it. */
@ExtendWith(VertxExtension.class)
class WatchCommandTest {

  private static final Pattern TIMESTAMPED = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z  test\\.\\w+  .+");

  private CliCluster cluster;

  @BeforeEach
  void startCluster(Vertx vertx) throws Exception {
    cluster = CliCluster.start(vertx, "watch", 2);
  }

  @AfterEach
  void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  void changesArePrintedAsTheyHappen() throws Exception {
    int leader = cluster.awaitLeader();
    int other = 1 - leader;
    Cli.Running watch = Cli.start(cluster.at("watch", "test.Calc", "--for", "6s"));
    watch.awaitOut("first view", out -> out.contains(" members "));

    CliCluster.await(cluster.server(leader).membership().offline());
    watch.awaitOut("leader change", out -> out.contains(" leader " + cluster.address(other)));
    CliCluster.await(cluster.server(other).membership().updateData(new ServerData().setWeight(5).setZone("eu-3")));
    watch.awaitOut("data change", out -> out.contains(" data "));
    CliCluster.await(cluster.server(leader).membership().online());
    watch.awaitOut("return", out -> out.contains(" joined "));

    Cli.Result result = watch.result();
    assertEquals(0, result.exitCode(), result.toString());
    List<String> lines = result.out().lines().toList();
    lines.forEach(line -> assertTrue(TIMESTAMPED.matcher(line).matches(), line));
    List<String> events = lines.stream().map(line -> line.substring(line.indexOf("test.Calc") + "test.Calc  ".length())).toList();
    List<String> addresses = List.of(cluster.address(0), cluster.address(1)).stream().sorted().toList();
    assertEquals(5, events.size(), events.toString());
    assertEquals("members " + addresses.get(0) + ", " + addresses.get(1) + "; leader " + cluster.address(leader), events.get(0));
    // The server's node and its election node go in two ZooKeeper writes: either change may be seen first.
    assertEquals(Set.of("left " + cluster.address(leader), "leader " + cluster.address(other) + " (was " + cluster.address(leader) + ")"),
        Set.copyOf(events.subList(1, 3)));
    assertEquals("data " + cluster.address(other) + " (weight 5, zone eu-3)", events.get(3));
    assertEquals("joined " + cluster.address(leader) + " (weight 100, version 1." + leader + ")", events.get(4));
    assertEquals("", result.err());
  }

  @Test
  void everyServiceIsWatchedAndLaterOnesToo() throws Exception {
    Cli.Running watch = Cli.start(cluster.at("watch", "--for", "3s", "-o", "json"));
    watch.awaitOut("first view", out -> out.contains("\"event\":\"members\""));
    MethodDescriptor ping = MethodDescriptor.builder("test.Late", "ping").returnType(String.class).build();
    cluster.server(0).register(ServiceDefinition.builder("test.Late").method(ping, args -> Future.succeededFuture("pong")).build());

    Cli.Result result = watch.result();
    assertEquals(0, result.exitCode(), result.toString());
    List<JsonObject> events = result.out().lines().map(JsonObject::new).toList();
    events.forEach(event -> assertTrue(event.getString("time").endsWith("Z"), event.encode()));
    assertEquals("test.Calc", events.get(0).getString("service"));
    assertEquals("members", events.get(0).getString("event"));
    assertTrue(events.stream().anyMatch(event -> event.getString("service").equals("test.Late")
        && event.getString("event").equals("members")
        && event.getJsonArray("servers").equals(new JsonArray().add(cluster.address(0)))), result.out());
  }
}
