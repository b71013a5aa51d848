package io.slacker.verticle;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerServerVerticle;
import io.slacker.cluster.Who;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The guide's example: a server verticle whose JSON comes from vertx-config (a file, overridable by the environment). */
@ExtendWith(VertxExtension.class)
class ConfiguredServerTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private final Vertx vertx = TestVertx.create();

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aServerVerticleDeploysFromAConfigFile(@TempDir Path dir, VertxTestContext test) throws Exception {
    Path file = dir.resolve("app.json");
    Files.writeString(file, new JsonObject()
        .put("server", new JsonObject().put("host", "127.0.0.1").put("port", 0))
        .put("services", new JsonArray().add(Who.Impl.class.getName()))
        .put("instances", 2)
        .encode());
    List<SlackerServerVerticle> deployed = new CopyOnWriteArrayList<>();

    ConfigRetriever retriever = ConfigRetriever.create(vertx, new ConfigRetrieverOptions()
        .addStore(new ConfigStoreOptions().setType("file").setConfig(new JsonObject().put("path", file.toString()))));
    retriever.getConfig()
        .compose(config -> vertx.deployVerticle(() -> {
          SlackerServerVerticle verticle = new SlackerServerVerticle();
          deployed.add(verticle);
          return verticle;
        },
            new DeploymentOptions().setConfig(config).setInstances(config.getInteger("instances", 1))))
        .onComplete(test.succeedingThenComplete());
    test.awaitCompletion(10, TimeUnit.SECONDS);
    if (test.failed()) {
      throw new AssertionError(test.causeOfFailure());
    }

    assertEquals(2, deployed.size());
    assertEquals(deployed.get(0).actualPort(), deployed.get(1).actualPort(), "the instances share one (random) port");
    SlackerClient client = SlackerClient.create(vertx);
    Who who = client.proxy(Who.class, new CallOptions()
        .setServer(SocketAddress.inetSocketAddress(deployed.get(0).actualPort(), "127.0.0.1")));
    assertEquals("unknown", who.name().await(5, TimeUnit.SECONDS));
    client.close().await(5, TimeUnit.SECONDS);
    retriever.close();
  }
}
