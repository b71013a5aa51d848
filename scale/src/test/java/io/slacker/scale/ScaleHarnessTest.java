package io.slacker.scale;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short harness run in {@code mvn verify}: 20 servers x 5 services, 3 clients, 3 changes of each
 * kind and a quick ZooKeeper restart, one session per server; the figures must make sense.
 */
class ScaleHarnessTest {

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void aSmallPointProducesSaneFigures() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "scale-test"));
    ScaleSettings settings = ScaleSettings.parse("--servers", "20", "--services", "5", "--clients", "3", "--watched", "3",
        "--churn", "3", "--churn-rate", "10", "--sessions", "per-server", "--server-jvms", "2", "--client-jvms", "1",
        "--worker-heap", "192m", "--client-heap", "128m", "--zk-heap", "128m", "--session-timeout-ms", "6000",
        "--restarts", "quick", "--timeout-s", "60", "--out", dir.resolve("results").toString(),
        "--work", dir.resolve("work").toString());
    JsonObject results = ScaleMain.run(settings);
    assertTrue(results.getBoolean("ok"), () -> results.encodePrettily());
    assertTrue(Files.exists(dir.resolve("results/results.json")));
    assertTrue(Files.readString(dir.resolve("results/results.md")).contains("join: writes/change"));

    JsonObject point = results.getJsonArray("points").getJsonObject(0);
    assertEquals(20, point.getJsonObject("registration").getInteger("servers"));
    assertTrue(point.getJsonObject("registration").getDouble("writesPerServer") > 0);
    // a server node and 5 service nodes per server at the least, whatever the layout
    assertTrue(point.getJsonObject("zookeeperRegistered").getLong("znodes") > 20, point.encodePrettily());
    assertTrue(point.getJsonObject("zookeeperWatched").getLong("heapAfterGcBytes") > 0);
    for (String kind : ScaleRun.KINDS) {
      JsonObject phase = point.getJsonObject("churn").getJsonObject(kind);
      JsonObject propagation = phase.getJsonObject("propagationMillis");
      assertTrue(phase.getDouble("writesPerChange") > 0, kind + ": " + phase.encode());
      assertTrue(propagation.getInteger("pairs") > 0, kind + ": " + phase.encode());
      assertEquals(0, propagation.getInteger("missed"), kind + ": every change is seen by every client watching it");
      assertEquals(propagation.getInteger("pairs"), propagation.getInteger("count"));
      assertTrue(propagation.getDouble("p50") >= 0 && propagation.getDouble("max") >= propagation.getDouble("p99"));
    }
    JsonObject restart = point.getJsonObject("restarts").getJsonObject("quick");
    assertTrue(restart.getDouble("registeredAgainAfterKillMillis") >= 0, restart.encode());
    assertTrue(restart.getJsonArray("timeline").size() > 2);
  }
}
