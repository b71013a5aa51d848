package io.slacker.cli;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code slacker call}: results on stdout, each failure class with its exit code and message on stderr. */
@ExtendWith(VertxExtension.class)
class CallCommandTest {

  private static CliCluster cluster;

  @BeforeAll
  static void startCluster(Vertx vertx) throws Exception {
    cluster = CliCluster.start(vertx, "call", 2);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  void aRoutedCallPrintsItsResultAsPrettyJson() {
    Cli.Result result = Cli.run(cluster.at("call", "test.Calc", "total", "[[1, 2, 39]]"));
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(new JsonObject().put("count", 3).put("sum", 42), new JsonObject(result.out()));
    assertTrue(result.out().contains("\n  \"count\" : 3"), "pretty: " + result.out());
    assertEquals("", result.err());
  }

  @Test
  void jsonOutputIsOneLine() {
    Cli.Result result = Cli.run(cluster.at("call", "test.Calc", "total", "[[1, 2]]", "-o", "json"));
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("{\"count\":2,\"sum\":3}\n", result.out());
  }

  @Test
  void aCallToANamedServerGoesThere() {
    for (int i = 0; i < 2; i++) {
      Cli.Result result = Cli.run(cluster.at("call", "test.Calc", "whoAmI", "--server", cluster.address(i)));
      assertEquals(0, result.exitCode(), result.toString());
      assertEquals("\"" + cluster.address(i) + "\"\n", result.out());
    }
  }

  @Test
  void allPrintsEachServersResult() {
    Cli.Result result = Cli.run(cluster.at("call", "test.Calc", "whoAmI", "--all"));
    assertEquals(0, result.exitCode(), result.toString());
    JsonObject printed = new JsonObject(result.out());
    assertEquals(Set.of(cluster.address(0), cluster.address(1)), printed.fieldNames());
    printed.forEach(entry -> assertEquals(entry.getKey(), ((JsonObject) entry.getValue()).getString("result")));
  }

  @Test
  void leaderGoesToTheElectedLeader() throws Exception {
    String leader = cluster.address(cluster.awaitLeader());
    for (int i = 0; i < 4; i++) {
      Cli.Result result = Cli.run(cluster.at("call", "test.Calc", "whoAmI", "--leader", "-o", "json"));
      assertEquals(0, result.exitCode(), result.toString());
      assertEquals("\"" + leader + "\"\n", result.out());
    }
  }

  @Test
  void metadataTravelsWithTheCall() {
    Cli.Result result = Cli.run(cluster.at("call", "test.Calc", "metadata", "[\"caller\"]", "--meta", "caller=ops",
        "--meta", "trace=1"));
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("\"ops\"\n", result.out());
  }

  @Test
  void anUnknownServiceIsNotFound() {
    Cli.Result routed = Cli.run(cluster.at("call", "test.Nothing", "add", "[1, 2]"));
    assertEquals(3, routed.exitCode(), routed.toString());
    assertTrue(routed.err().startsWith("slacker: NOT_FOUND: ") && routed.err().contains("test.Nothing"), routed.err());
    assertEquals("", routed.out());

    Cli.Result direct = Cli.run(cluster.at("call", "test.Nothing", "add", "[1, 2]", "--server", cluster.address(0)));
    assertEquals(3, direct.exitCode(), direct.toString());
    assertTrue(direct.err().startsWith("slacker: NOT_FOUND: ") && direct.err().contains("test.Nothing"), direct.err());
  }

  @Test
  void anUnknownMethodIsNotFound() {
    Cli.Result result = Cli.run(cluster.at("call", "test.Calc", "divide", "[1, 2]"));
    assertEquals(3, result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("slacker: NOT_FOUND: ") && result.err().contains("divide"), result.err());
  }

  @Test
  void argumentsThatAreNotJsonAreRefusedBeforeAnyCall() {
    Cli.Result result = Cli.run(cluster.at("call", "test.Calc", "add", "[1, 2"));
    assertEquals(4, result.exitCode(), result.toString());
    assertEquals("slacker: the arguments are not JSON (column 6: Unexpected end-of-input: expected close marker for Array):"
        + " give a JSON array, e.g. '[\"Ada\", 42]', or '[]' for none\n", result.err());

    Cli.Result object = Cli.run(cluster.at("call", "test.Calc", "add", "{\"a\": 1}"));
    assertEquals(4, object.exitCode(), object.toString());
    assertEquals("slacker: the arguments must be a JSON array, got a JSON object: e.g. '[\"Ada\", 42]', or '[]' for none\n",
        object.err());

    Cli.Result trailing = Cli.run(cluster.at("call", "test.Calc", "add", "[1, 2] [3]"));
    assertEquals(4, trailing.exitCode(), trailing.toString());
  }

  @Test
  void argumentsThatDoNotFitTheSignatureAreABadRequest() {
    Cli.Result result = Cli.run(cluster.at("call", "test.Calc", "add", "[\"one\", 2]"));
    assertEquals(4, result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("slacker: BAD_REQUEST: "), result.err());

    Cli.Result count = Cli.run(cluster.at("call", "test.Calc", "add", "[1]"));
    assertEquals(4, count.exitCode(), count.toString());
    assertTrue(count.err().startsWith("slacker: BAD_REQUEST: "), count.err());
  }

  @Test
  void aFailingMethodIsAnApplicationError() {
    Cli.Result result = Cli.run(cluster.at("call", "test.Calc", "fail", "[\"out of paper\"]"));
    assertEquals(5, result.exitCode(), result.toString());
    assertEquals("slacker: APPLICATION_ERROR: out of paper (remote java.lang.IllegalStateException)\n", result.err());
    assertEquals("", result.out());
  }

  @Test
  void aFailureOnSomeServersOfAnAllCallIsReportedPerServer() {
    Cli.Result result = Cli.run(cluster.at("call", "test.Calc", "fail", "[\"jammed\"]", "--all"));
    assertEquals(5, result.exitCode(), result.toString());
    JsonObject printed = new JsonObject(result.out());
    Set<String> servers = new HashSet<>();
    printed.forEach(entry -> {
      servers.add(entry.getKey());
      assertEquals(new JsonObject().put("code", "APPLICATION_ERROR").put("message", "jammed"),
          ((JsonObject) entry.getValue()).getJsonObject("error"));
      assertTrue(result.err().contains("slacker: " + entry.getKey() + ": APPLICATION_ERROR: jammed"), result.err());
    });
    assertEquals(Set.of(cluster.address(0), cluster.address(1)), servers);
  }

  @Test
  void anUnreachableServerIsUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Cli.Result result = Cli.run(cluster.at("call", "test.Calc", "add", "[1, 2]", "--server", "127.0.0.1:" + closedPort));
    assertEquals(6, result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("slacker: UNAVAILABLE: "), result.err());
  }

  @Test
  void aCallLongerThanTheTimeoutExceedsItsDeadline() {
    Cli.Result result = Cli.run(cluster.at("call", "test.Calc", "sleep", "[3000]", "--timeout", "300ms"));
    assertEquals(8, result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("slacker: DEADLINE_EXCEEDED: "), result.err());
  }

  @Test
  void badOptionsAreUsageErrors() {
    Cli.Result timeout = Cli.run(cluster.at("call", "test.Calc", "add", "[1, 2]", "--timeout", "2 weeks"));
    assertEquals(2, timeout.exitCode(), timeout.toString());
    assertTrue(timeout.err().contains("'2 weeks' is not a duration: use a number and a unit, e.g. 500ms, 2s, 1m"),
        timeout.err());

    Cli.Result both = Cli.run(cluster.at("call", "test.Calc", "add", "[1, 2]", "--all", "--leader"));
    assertEquals(2, both.exitCode(), both.toString());
    assertTrue(both.err().contains("mutually exclusive"), both.err());

    Cli.Result server = Cli.run(cluster.at("call", "test.Calc", "add", "--server", "nowhere"));
    assertEquals(2, server.exitCode(), server.toString());
    assertTrue(server.err().contains("'nowhere' is not a server address"), server.err());
  }
}
