package io.slacker.cluster.impl;

import io.slacker.cluster.StaticDiscovery;
import io.slacker.spi.LoadBalancer;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A route forgets a server discovery stops listing, calls in flight or not, so that nothing probes it forever. */
class ServiceRouteTest {

  private static final SocketAddress A = SocketAddress.inetSocketAddress(7301, "127.0.0.1");
  private static final SocketAddress B = SocketAddress.inetSocketAddress(7302, "127.0.0.1");

  private final Vertx vertx = TestVertx.create();

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  @Test
  void anUnlistedServerWithCallsInFlightIsNoLongerListed() throws Exception {
    StaticDiscovery discovery = StaticDiscovery.create(vertx).add("svc", A).add("svc", B);
    ContextInternal context = ((VertxInternal) vertx).createEventLoopContext();
    Ejections ejections = new Ejections(context,
        (server, requiresTls) -> Future.failedFuture("no probes here"), 100, 100, 100, 2, server -> new Ejections.Listed(false));
    ServiceRoute route = new ServiceRoute("svc", vertx, context, discovery, LoadBalancer.random(), ejections, 0, s -> { });
    route.ready().await(5, TimeUnit.SECONDS);
    assertNotNull(route.listedData(A));
    route.endpoint(A).started();

    discovery.remove("svc", A);
    long deadline = System.currentTimeMillis() + 5_000;
    while (route.members().servers().size() != 1 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertNull(route.listedData(A), "not listed any more, although a call is still in flight there");
    assertNotNull(route.listedData(B));
    ejections.close();
    route.close().await(5, TimeUnit.SECONDS);
  }
}
