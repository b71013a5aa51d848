package io.slacker.compat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slacker.SlackerClient;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.micrometer.SlackerMeters;
import io.slacker.test.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each instance has a name of its own, but the meters name its interface: their tags stay bounded. */
class ServiceInstanceMetersTest {

  @Test
  void callsToInstancesAreMeasuredUnderTheirInterfacesName() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    Vertx vertx = Vertx.builder().with(TestVertx.options().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry)).build();
    try {
      SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
          .register(StoreService.class, new StoreServiceImpl());
      server.listen().await(10, TimeUnit.SECONDS);
      SlackerClient client = SlackerClient.create(vertx);
      StoreService store = client.proxy(StoreService.class, SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1"));
      for (int i = 0; i < 5; i++) {
        StoreConnection connection = store.connect("user" + i).await(10, TimeUnit.SECONDS);
        connection.keys().await(10, TimeUnit.SECONDS);
        connection.close().await(10, TimeUnit.SECONDS);
      }
      assertEquals(Set.of(StoreServiceSlackerBinding.SERVICE_NAME, StoreConnectionSlackerBinding.SERVICE_NAME),
          services(registry, SlackerMeters.CLIENT_CALL_DURATION));
      assertEquals(Set.of(StoreServiceSlackerBinding.SERVICE_NAME, StoreConnectionSlackerBinding.SERVICE_NAME),
          services(registry, SlackerMeters.SERVER_CALL_DURATION));
      client.close().await(10, TimeUnit.SECONDS);
      server.close().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static Set<String> services(MeterRegistry registry, String meter) {
    Set<String> services = new TreeSet<>();
    for (Meter found : registry.find(meter).meters()) {
      services.add(found.getId().getTag(SlackerMeters.TAG_SERVICE));
    }
    return services;
  }
}
