package io.slacker.benchmarks.eventbus;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.zookeeper.ZookeeperClusterManager;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A Vert.x node joining the benchmark's cluster: ZooKeeper membership, event bus on loopback. */
final class ClusteredVertx {

  private ClusteredVertx() {
  }

  /**
   * @param zookeeper the embedded ZooKeeper's {@code host:port}
   * @param eventBusPort the port this node's event bus listens on
   */
  static Vertx join(String zookeeper, int eventBusPort) throws TimeoutException {
    JsonObject config = new JsonObject()
        .put("zookeeperHosts", zookeeper)
        .put("sessionTimeout", 20_000)
        .put("connectTimeout", 3_000)
        .put("rootPath", "io.slacker.benchmarks")
        .put("retry", new JsonObject()
            .put("policy", "exponential_backoff")
            .put("initialSleepTime", 100)
            .put("intervalTimes", 1_000)
            .put("maxTimes", 5));
    VertxOptions options = new VertxOptions().setEventBusOptions(new EventBusOptions()
        .setHost("127.0.0.1")
        .setPort(eventBusPort)
        .setClusterPublicHost("127.0.0.1"));
    return Vertx.builder()
        .with(options)
        .withClusterManager(new ZookeeperClusterManager(config))
        .buildClustered()
        .await(60, TimeUnit.SECONDS);
  }
}
