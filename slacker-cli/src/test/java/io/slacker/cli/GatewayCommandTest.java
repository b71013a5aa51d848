package io.slacker.cli;

import io.slacker.web.SlackerHealth;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code slacker gateway} serves HTTP calls through discovery, reports its ZooKeeper connection on
 * {@code /health}, and refuses a port it cannot have.
 */
@ExtendWith(VertxExtension.class)
class GatewayCommandTest {

  private CliCluster cluster;

  @BeforeEach
  void startCluster(Vertx vertx) throws Exception {
    cluster = CliCluster.start(vertx, "gateway", 2);
  }

  @AfterEach
  void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  void callsGoThroughDiscoveryUntilTheGatewayStops(Vertx vertx) throws Exception {
    int port = freePort();
    Cli.Running gateway = Cli.start(cluster.at("gateway", "--port", String.valueOf(port), "--for", "5s"));
    gateway.awaitOut("the gateway listening", out -> out.contains("listening on http://127.0.0.1:" + port + "/"));
    HttpClient http = vertx.createHttpClient();
    try {
      Answer byArray = post(http, port, "/" + CliCluster.SERVICE + "/add", "[2, 3]");
      assertEquals(200, byArray.status(), byArray.body());
      assertEquals("5", byArray.body());
      Answer byName = post(http, port, "/" + CliCluster.SERVICE + "/add", "{\"b\": 3, \"a\": 4}");
      assertEquals(200, byName.status(), byName.body());
      assertEquals("7", byName.body());
      Answer failed = post(http, port, "/" + CliCluster.SERVICE + "/fail", "[\"boom\"]");
      assertEquals(500, failed.status(), failed.body());
      assertEquals("APPLICATION_ERROR", new JsonObject(failed.body()).getString("code"));
      Answer listing = http.request(new RequestOptions().setPort(port).setHost("127.0.0.1").setURI("/"))
          .compose(request -> request.send().compose(response -> response.body()
              .map(body -> new Answer(response.statusCode(), body.toString()))))
          .await(10, TimeUnit.SECONDS);
      assertEquals(200, listing.status());
      assertTrue(listing.body().contains(CliCluster.SERVICE), listing.body());
      Answer scrape = http.request(new RequestOptions().setPort(port).setHost("127.0.0.1").setURI("/metrics"))
          .compose(request -> request.send().compose(response -> response.body()
              .map(body -> new Answer(response.statusCode(), body.toString()))))
          .await(10, TimeUnit.SECONDS);
      assertEquals(200, scrape.status());
      // Each server the calls went to has its own line.
      double adds = scrape.body().lines()
          .filter(line -> line.startsWith("rpc_client_call_duration_seconds_count{") && line.contains("rpc_method=\"add\"")
              && line.contains("rpc_slacker_status_code=\"OK\""))
          .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
      assertEquals(2, adds, "the gateway's two calls of add, for Prometheus:\n" + scrape.body());
    } finally {
      http.close();
    }
    Cli.Result result = gateway.result();
    assertEquals(0, result.exitCode(), result.toString());
  }

  @Test
  void healthIsDownWhileZookeeperIsAwayAndUpOnceItIsBack(Vertx vertx) throws Exception {
    int port = freePort();
    Cli.Running gateway = Cli.start(cluster.at("gateway", "--port", String.valueOf(port), "--for", "15s"));
    gateway.awaitOut("the gateway listening", out -> out.contains("listening on http://127.0.0.1:" + port + "/"));
    HttpClient http = vertx.createHttpClient();
    try {
      JsonObject up = awaitHealth(http, port, 200);
      JsonObject own = check(up, GatewayRoutes.GATEWAY_CHECK);
      assertEquals("UP", own.getString("status"));
      assertEquals(cluster.zookeeper().connectString(), own.getJsonObject("data").getString("zookeeper"));
      assertEquals("UP", check(up, SlackerHealth.DISCOVERY_CONNECTED).getString("status"));
      Answer call = post(http, port, "/" + CliCluster.SERVICE + "/add", "[1, 1]");
      assertEquals("2", call.body(), "the gateway's routes are still served beside /health");

      cluster.zookeeper().stop();
      JsonObject down = awaitHealth(http, port, 503);
      assertEquals("DOWN", check(down, SlackerHealth.DISCOVERY_CONNECTED).getString("status"));
      assertEquals("UP", check(down, GatewayRoutes.GATEWAY_CHECK).getString("status"));

      cluster.zookeeper().restart();
      assertEquals("UP", check(awaitHealth(http, port, 200), SlackerHealth.DISCOVERY_CONNECTED).getString("status"));
    } finally {
      http.close();
    }
    Cli.Result result = gateway.result();
    assertEquals(0, result.exitCode(), result.toString());
  }

  @Test
  void aPortInUseFailsAtOnce() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Cli.Result result = Cli.run(cluster.at("gateway", "--port", String.valueOf(taken.getLocalPort()), "--for", "5s"));
      assertEquals(ExitCode.FAILURE.code(), result.exitCode(), result.toString());
      assertTrue(result.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), result.toString());
    }
  }

  private record Answer(int status, String body) {
  }

  private static Answer post(HttpClient http, int port, String path, String body) throws Exception {
    return http.request(new RequestOptions().setMethod(HttpMethod.POST).setPort(port).setHost("127.0.0.1").setURI(path)
            .putHeader("Content-Type", "application/json"))
        .compose(request -> request.send(Buffer.buffer(body)))
        .compose(response -> response.body().map(answer -> new Answer(response.statusCode(), answer.toString())))
        .await(10, TimeUnit.SECONDS);
  }

  /** Polls {@code GET /health} for at most 10 s until it answers {@code status}. */
  private static JsonObject awaitHealth(HttpClient http, int port, int status) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Answer health = get(http, port, SlackerHealth.PATH);
    while (health.status() != status && System.nanoTime() < deadline) {
      Thread.sleep(50);
      health = get(http, port, SlackerHealth.PATH);
    }
    assertEquals(status, health.status(), health.body());
    return new JsonObject(health.body());
  }

  private static JsonObject check(JsonObject health, String id) {
    return health.getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(check -> check.getString("id").equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no check " + id + " in " + health.encode()));
  }

  private static Answer get(HttpClient http, int port, String path) throws Exception {
    return http.request(new RequestOptions().setPort(port).setHost("127.0.0.1").setURI(path))
        .compose(request -> request.send().compose(response -> response.body()
            .map(body -> new Answer(response.statusCode(), body.toString()))))
        .await(10, TimeUnit.SECONDS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
