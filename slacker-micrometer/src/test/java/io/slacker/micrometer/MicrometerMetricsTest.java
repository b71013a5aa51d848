package io.slacker.micrometer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerClient;
import io.slacker.SlackerException;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.StatusCode;
import io.slacker.cluster.ClusterServerOptions;
import io.slacker.cluster.GroupResult;
import io.slacker.cluster.Grouping;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.test.TestVertx;
import io.slacker.testing.EmbeddedZookeeper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.slacker.micrometer.SlackerMeters.TAG_METHOD;
import static io.slacker.micrometer.SlackerMeters.TAG_SERVER;
import static io.slacker.micrometer.SlackerMeters.TAG_SERVICE;
import static io.slacker.micrometer.SlackerMeters.TAG_STATUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Meter values after a known set of calls: successes, an application failure, an OVERLOADED
 * refusal, a deadline expiry, retries through discovery and a group call, on the registry the
 * application gave Vert.x.
 */
class MicrometerMetricsTest {

  private static final String SERVICE = "test.Metered";
  private static final MethodDescriptor ECHO = MethodDescriptor.builder(SERVICE, "echo")
      .parameterTypes(String.class).returnType(String.class).idempotent(true).build();
  private static final MethodDescriptor FAIL = MethodDescriptor.builder(SERVICE, "fail").returnType(String.class).build();
  private static final MethodDescriptor SLOW = MethodDescriptor.builder(SERVICE, "slow")
      .parameterTypes(long.class).returnType(String.class).build();

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private Vertx vertx;
  private EmbeddedZookeeper zookeeper;
  private final List<SlackerServer> servers = new ArrayList<>();
  private final List<ZookeeperDiscovery> discoveries = new ArrayList<>();
  private SlackerClient client;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.builder().with(TestVertx.options().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry)).build();
    zookeeper = EmbeddedZookeeper.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close().await(10, TimeUnit.SECONDS);
    }
    for (SlackerServer server : servers) {
      server.close().await(10, TimeUnit.SECONDS);
    }
    for (ZookeeperDiscovery discovery : discoveries) {
      discovery.close().await(10, TimeUnit.SECONDS);
    }
    vertx.close().await(10, TimeUnit.SECONDS);
    zookeeper.close();
  }

  private SlackerServer server(SlackerServerOptions options) throws Exception {
    ZookeeperDiscovery discovery = ZookeeperDiscovery.create(vertx, zookeeper.discoveryOptions());
    discoveries.add(discovery);
    SlackerServer server = SlackerServer.create(vertx, options.setHost("127.0.0.1").setPort(0)
        .setCluster(new ClusterServerOptions().addLeaderService(SERVICE).setWithdrawGraceMillis(0)), discovery);
    server.register(ServiceDefinition.builder(SERVICE)
        .method(ECHO, args -> Future.succeededFuture((String) args[0]))
        .method(FAIL, args -> Future.failedFuture(new IllegalStateException("as asked")))
        .method(SLOW, args -> vertx.timer((Long) args[0]).map("slept"))
        .build());
    server.listen().await(10, TimeUnit.SECONDS);
    servers.add(server);
    return server;
  }

  private static SocketAddress address(SlackerServer server) {
    return SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
  }

  private static String name(SlackerServer server) {
    return "127.0.0.1:" + server.actualPort();
  }

  private Search search(String name, String... tags) {
    return registry.find(name).tags(tags);
  }

  private long timerCount(String name, String... tags) {
    return search(name, tags).timers().stream().mapToLong(t -> t.count()).sum();
  }

  private double counter(String name, String... tags) {
    return search(name, tags).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private double gauge(String name, String... tags) {
    return search(name, tags).gauges().stream().mapToDouble(g -> g.value()).sum();
  }

  private Object call(MethodDescriptor method, CallOptions options, Object... args) throws Exception {
    return client.call(method, args, options).await(10, TimeUnit.SECONDS);
  }

  @Test
  void metersCountAKnownSetOfCalls() throws Exception {
    SlackerServer first = server(new SlackerServerOptions().setMaxCallsInFlightPerConnection(1));
    SlackerServer second = server(new SlackerServerOptions());
    ZookeeperDiscovery clientDiscovery = ZookeeperDiscovery.create(vertx, zookeeper.discoveryOptions());
    discoveries.add(clientDiscovery);
    client = SlackerClient.create(vertx, new io.slacker.SlackerClientOptions(), clientDiscovery);
    CallOptions toFirst = new CallOptions().setServer(address(first));

    for (int i = 0; i < 3; i++) {
      assertEquals("hi", call(ECHO, toFirst, "hi"));
    }
    assertEquals(StatusCode.APPLICATION_ERROR, refused(FAIL, toFirst).code());
    // The deadline passes on both sides while the method sleeps.
    assertEquals(StatusCode.DEADLINE_EXCEEDED, refused(SLOW, new CallOptions(toFirst).setTimeoutMillis(100), 1_000L).code());
    // One call in flight at most on the first server's connection: a second one at once is refused.
    Future<Object> busy = client.call(SLOW, new Object[] {300L}, toFirst);
    assertEquals(StatusCode.OVERLOADED, refused(ECHO, toFirst, "no room").code());
    assertEquals("slept", busy.await(10, TimeUnit.SECONDS));

    String one = name(first);
    assertEquals(3, timerCount(SlackerMeters.CLIENT_CALL_DURATION, TAG_SERVICE, SERVICE, TAG_METHOD, "echo",
        TAG_STATUS, "OK", TAG_SERVER, one));
    assertEquals(3, timerCount(SlackerMeters.SERVER_CALL_DURATION, TAG_METHOD, "echo", TAG_STATUS, "OK"));
    assertEquals(1, timerCount(SlackerMeters.CLIENT_CALL_DURATION, TAG_METHOD, "fail", TAG_STATUS, "APPLICATION_ERROR"));
    assertEquals(1, timerCount(SlackerMeters.SERVER_CALL_DURATION, TAG_METHOD, "fail", TAG_STATUS, "APPLICATION_ERROR"));
    assertEquals(1, timerCount(SlackerMeters.CLIENT_CALL_DURATION, TAG_METHOD, "slow", TAG_STATUS, "DEADLINE_EXCEEDED"));
    // The server's timer and the client's CANCEL race for the same call: it ends as exactly one of the two.
    assertEquals(1, counter(SlackerMeters.SERVER_DEADLINE_EXCEEDED, TAG_METHOD, "slow")
        + counter(SlackerMeters.SERVER_CANCELLED, TAG_METHOD, "slow"));
    assertEquals(1, counter(SlackerMeters.SERVER_OVERLOADED));
    assertEquals(1, timerCount(SlackerMeters.CLIENT_CALL_DURATION, TAG_METHOD, "echo", TAG_STATUS, "OVERLOADED"));
    assertEquals(3 + 1, search(SlackerMeters.CLIENT_REQUEST_SIZE, TAG_METHOD, "echo").summary().count(),
        "every echo request was encoded, the refused one too");
    assertEquals(3, search(SlackerMeters.CLIENT_RESPONSE_SIZE, TAG_METHOD, "echo").summary().count(),
        "answers with a payload: the three that succeeded");
    assertTrue(search(SlackerMeters.SERVER_REQUEST_SIZE, TAG_METHOD, "echo").summary().totalAmount() > 0);

    // A group call: one attempt per server.
    GroupResult<Object> all = client.group(ECHO, new Object[] {"all"}, Grouping.all(), new CallOptions())
        .await(10, TimeUnit.SECONDS);
    assertEquals(2, all.values().size(), all.toString());
    assertEquals(1, timerCount(SlackerMeters.CLIENT_CALL_DURATION, TAG_METHOD, "echo", TAG_SERVER, name(second)));
    assertEquals(4, timerCount(SlackerMeters.CLIENT_CALL_DURATION, TAG_METHOD, "echo", TAG_STATUS, "OK", TAG_SERVER, one));

    assertEquals(2, gauge(SlackerMeters.DISCOVERY_MEMBERS, TAG_SERVICE, SERVICE));
    assertEquals(3, gauge(SlackerMeters.DISCOVERY_CONNECTED), "the two servers' discoveries and the client's");
    assertEquals(1, gauge(SlackerMeters.SERVER_LEADER, TAG_SERVICE, SERVICE), "one of the two leads");
    assertEquals(2, gauge(SlackerMeters.CLIENT_CONNECTIONS));
    assertEquals(2, gauge(SlackerMeters.SERVER_CONNECTIONS));
    assertEquals(0, gauge(SlackerMeters.CLIENT_CALLS_ACTIVE));
    assertEquals(0, gauge(SlackerMeters.SERVER_CALLS_ACTIVE, TAG_SERVICE, SERVICE));
  }

  @Test
  void retriesEjectionsAndCallsToUnknownServicesKeepTheirTagsBounded() throws Exception {
    SlackerServer serving = server(new SlackerServerOptions());
    // A server registered in ZooKeeper that no longer listens: calls to it are not sent, and go elsewhere.
    SocketAddress gone;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      gone = SocketAddress.inetSocketAddress(socket.getLocalPort(), "127.0.0.1");
    }
    ZookeeperDiscovery ghostDiscovery = ZookeeperDiscovery.create(vertx, zookeeper.discoveryOptions());
    discoveries.add(ghostDiscovery);
    ghostDiscovery.register(gone, new io.slacker.cluster.ServerData())
        .compose(registration -> registration.publish(SERVICE, false)).await(10, TimeUnit.SECONDS);
    ZookeeperDiscovery clientDiscovery = ZookeeperDiscovery.create(vertx, zookeeper.discoveryOptions());
    discoveries.add(clientDiscovery);
    client = SlackerClient.create(vertx, new io.slacker.SlackerClientOptions(), clientDiscovery);
    assertEquals(2, client.servers(SERVICE).await(10, TimeUnit.SECONDS).size());

    for (int i = 0; i < 10; i++) {
      assertEquals("again", call(ECHO, new CallOptions(), "again"));
    }
    String ghost = "127.0.0.1:" + gone.port();
    long refusedAttempts = timerCount(SlackerMeters.CLIENT_CALL_DURATION, TAG_STATUS, "UNAVAILABLE", TAG_SERVER, ghost);
    assertTrue(refusedAttempts >= 1, "balancing tried the server that is gone at least once");
    assertEquals(refusedAttempts, counter(SlackerMeters.CLIENT_RETRIES, TAG_SERVICE, SERVICE, TAG_STATUS, "UNAVAILABLE"),
        "each attempt that was not sent was retried");
    assertEquals(1, counter(SlackerMeters.CLIENT_EJECTIONS, TAG_SERVER, ghost), "and the server went out of rotation");
    assertEquals(10, timerCount(SlackerMeters.CLIENT_CALL_DURATION, TAG_STATUS, "OK", TAG_SERVER, name(serving)));

    // Made-up names never become tags: they are counted under one stand-in.
    for (int i = 0; i < 5; i++) {
      SlackerException unknown = assertThrowsSlacker(client.call(address(serving), "made.Up" + i, "m" + i, List.of(),
          String.class, new CallOptions()));
      assertEquals(StatusCode.NOT_FOUND, unknown.code());
    }
    assertEquals(5, timerCount(SlackerMeters.CLIENT_CALL_DURATION, TAG_SERVICE, "_unknown", TAG_METHOD, "_unknown"));
    assertTrue(registry.getMeters().stream().map(Meter::getId)
        .noneMatch(id -> String.valueOf(id.getTag(TAG_SERVICE)).startsWith("made.Up")), registry.getMeters().toString());
  }

  private SlackerException refused(MethodDescriptor method, CallOptions options, Object... args) {
    return assertThrowsSlacker(client.call(method, args, options));
  }

  private static SlackerException assertThrowsSlacker(Future<?> call) {
    try {
      call.await(10, TimeUnit.SECONDS);
    } catch (SlackerException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a SlackerException", e);
    }
    throw new AssertionError("expected the call to fail");
  }
}
