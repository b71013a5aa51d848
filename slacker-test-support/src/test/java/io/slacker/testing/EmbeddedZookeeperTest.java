package io.slacker.testing;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.cluster.ZookeeperDiscovery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded ZooKeeper used as the guide's "Testing" section shows. */
@ExtendWith(VertxExtension.class)
class EmbeddedZookeeperTest {

  private static EmbeddedZookeeper zookeeper;

  @BeforeAll
  static void startZookeeper() throws Exception {
    zookeeper = EmbeddedZookeeper.start();
  }

  @AfterAll
  static void stopZookeeper() throws Exception {
    zookeeper.close();
  }

  @Test
  void aServerPublishedThereIsFoundAndCalled(Vertx vertx, VertxTestContext test) {
    ZookeeperDiscovery discovery = ZookeeperDiscovery.create(vertx, zookeeper.discoveryOptions().setCluster("found"));
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0), discovery)
        .register(Greeter.class, name -> Future.succeededFuture("Hello, " + name));
    SlackerClient client = SlackerClient.create(vertx, new SlackerClientOptions(), discovery);
    server.listen()
        .compose(s -> client.proxy(Greeter.class, new CallOptions()).greet("ZooKeeper"))
        .onComplete(test.succeeding(greeting -> test.verify(() -> {
          assertEquals("Hello, ZooKeeper", greeting);
          test.completeNow();
        })));
  }

  @Test
  void itListensOnLoopbackOnly() throws Exception {
    assertEquals("127.0.0.1:" + zookeeper.port(), zookeeper.connectString());
    new Socket("127.0.0.1", zookeeper.port()).close();
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(network.getInetAddresses())) {
        if (!address.isLoopbackAddress() && network.isUp()) {
          assertThrows(java.io.IOException.class, () -> new Socket(address, zookeeper.port()).close(), address.toString());
        }
      }
    }
  }

  @Test
  void discoveryOptionsAskForTheLongestSessionItGrants() {
    assertEquals(20 * EmbeddedZookeeper.DEFAULT_TICK_MILLIS, zookeeper.discoveryOptions().getSessionTimeoutMillis());
    assertTrue(zookeeper.discoveryOptions().getConnectString().startsWith("127.0.0.1:"));
  }
}
