package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerServerVerticle;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server run as its own process by {@link SlackerServerVerticle#main}, stopped with SIGTERM
 * under load: it withdraws from ZooKeeper well before its session would expire, drains, and
 * exits, and the client loses no call, not even a non-idempotent one.
 */
@ExtendWith(VertxExtension.class)
class SigtermTest extends ZookeeperClusterTestBase {

  private static final String CLUSTER = "sigterm";
  private static final int SESSION_TIMEOUT_MILLIS = 10_000;

  @Test
  void aServerProcessGivenSigtermWithdrawsDrainsAndExitsLosingNoCall() throws Exception {
    startNode(CLUSTER, new ClusterServerOptions());
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path config = Files.createTempFile("slacker-server", ".json");
    Files.writeString(config, new JsonObject()
        .put("server", new JsonObject().put("host", "127.0.0.1").put("port", port)
            .put("cluster", new JsonObject().put("withdrawGraceMillis", 500)))
        .put("zookeeper", new JsonObject().put("connectString", zookeeper.connectString()).put("cluster", CLUSTER)
            .put("sessionTimeoutMillis", SESSION_TIMEOUT_MILLIS))
        .put("services", new JsonArray().add(Who.Impl.class.getName()))
        .encode());
    Process process = fork(config);
    try {
      clientDiscovery = ZookeeperDiscovery.create(vertx, zookeeper.options(CLUSTER));
      client = SlackerClient.create(vertx, new SlackerClientOptions().setCallTimeoutMillis(5_000), clientDiscovery);
      Await.until("both servers listed", Duration.ofSeconds(30), () -> listed() == 2);

      // Non-idempotent calls: a lost one would not be retried.
      LoadLoop load = new LoadLoop(vertx, () -> client.<String>call(Who.WORK, new Object[]{2L}, new CallOptions()), 16);
      load.start();
      Thread.sleep(1_000);
      long signalled = System.nanoTime();
      process.destroy();
      long withdrawnMillis = Await.until("the process withdrew", Duration.ofSeconds(SESSION_TIMEOUT_MILLIS / 1_000),
          () -> listed() == 1);
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process exited");
      long exitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
      Thread.sleep(500);
      LoadLoop.Totals totals = Await.result(load.stop());
      System.out.printf("figures: SIGTERM: withdrawn after %d ms, exited after %d ms (exit code %d); %s%n",
          withdrawnMillis, exitedMillis, process.exitValue(), totals);
      assertEquals(0, totals.failed(), "no call failed: " + totals);
      assertTrue(withdrawnMillis < SESSION_TIMEOUT_MILLIS / 2, "withdrew itself, not by session expiry: " + withdrawnMillis);
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(config);
    }
  }

  private int listed() {
    try {
      return Await.result(client.servers(Who.NAME)).size();
    } catch (Exception e) {
      return -1;
    }
  }

  private static Process fork(Path config) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process process = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), SlackerServerVerticle.class.getName(), config.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Boolean> started = CompletableFuture.supplyAsync(() -> {
      try {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("Slacker server started")) {
            return true;
          }
        }
        return false;
      } catch (Exception e) {
        return false;
      }
    });
    if (!started.get(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the forked server did not start");
    }
    return process;
  }
}
