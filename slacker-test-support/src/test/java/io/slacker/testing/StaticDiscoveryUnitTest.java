package io.slacker.testing;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.cluster.StaticDiscovery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A server and a client sharing a StaticDiscovery, with no ZooKeeper, as the guide's "Testing" section shows. */
@ExtendWith(VertxExtension.class)
class StaticDiscoveryUnitTest {

  @Test
  void aServerPublishedInAStaticDiscoveryIsCalledByName(Vertx vertx, VertxTestContext test) {
    StaticDiscovery discovery = StaticDiscovery.create(vertx);
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0), discovery)
        .register(Greeter.class, name -> Future.succeededFuture("Hi " + name));
    SlackerClient client = SlackerClient.create(vertx, new SlackerClientOptions(), discovery);
    server.listen()
        .compose(s -> client.proxy(Greeter.class, new CallOptions()).greet("static"))
        .onComplete(test.succeeding(greeting -> test.verify(() -> {
          assertEquals("Hi static", greeting);
          test.completeNow();
        })));
  }
}
