package io.slacker.tls;

import io.slacker.CallOptions;
import io.slacker.NotSentException;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.cluster.ClusterClientOptions;
import io.slacker.cluster.GroupPolicy;
import io.slacker.cluster.GroupResult;
import io.slacker.cluster.Grouping;
import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.ServerResult;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.testing.EmbeddedZookeeper;
import io.slacker.testing.Greeter;
import io.slacker.testing.TestCertificateAuthority;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.ServerSSLOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.slacker.tls.TlsFixture.await;
import static io.slacker.tls.TlsFixture.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server's registration says whether it requires TLS; clients of the discovery connect to each
 * server as its registration says, probes included, and a client without TLS refuses servers that require it.
 */
class TlsClusterTest {

  private static EmbeddedZookeeper zookeeper;
  private static final TestCertificateAuthority ca = TestCertificateAuthority.create("cluster CA");
  private static final TestCertificateAuthority otherCa = TestCertificateAuthority.create("other CA");
  private final Vertx vertx = Vertx.vertx();
  private ZookeeperDiscovery discovery;

  @BeforeAll
  static void startZookeeper() throws Exception {
    zookeeper = EmbeddedZookeeper.start();
  }

  @AfterAll
  static void stopZookeeper() throws Exception {
    zookeeper.close();
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void clientsConnectToEachServerAsItsRegistrationSays() throws Exception {
    discovery = ZookeeperDiscovery.create(vertx, zookeeper.discoveryOptions().setCluster("tls-mixed"));
    SlackerServer tls = server(new SlackerServerOptions().setSsl(true).setSslOptions(serverSsl()), "TLS");
    SlackerServer plain = server(new SlackerServerOptions(), "plain");

    SlackerClient tlsClient = client(new SlackerClientOptions().setSsl(true).setSslOptions(trusting(ca)));
    Map<Integer, Boolean> registered = awaitServers(tlsClient, 2).stream()
        .collect(Collectors.toMap(s -> s.address().port(), s -> s.data().isTls()));
    assertEquals(Map.of(tls.actualPort(), true, plain.actualPort(), false), registered);
    GroupResult<String> both = await(tlsClient.all(Greeter.class, g -> g.greet("all")));
    assertEquals(List.of("TLS: all", "plain: all"), both.values().stream().sorted().toList());

    SlackerClient plainClient = client(new SlackerClientOptions());
    awaitServers(plainClient, 2);
    GroupResult<String> eachOnItsOwn = await(plainClient.group(Greeter.class, Grouping.all(GroupPolicy.NEVER_FAIL),
        g -> g.greet("x")));
    ServerResult<String> refused = eachOnItsOwn.asMap().values().stream().filter(r -> !r.succeeded()).findFirst().orElseThrow();
    assertEquals(tls.actualPort(), refused.server().port());
    assertInstanceOf(NotSentException.class, refused.failure());
    assertTrue(refused.failure().getMessage().contains("requires TLS"), refused.failure().getMessage());
    assertEquals(plain.actualPort(), awaitServers(plainClient, 1).get(0).address().port(),
        "for this client the TLS server is unreachable: it leaves the rotation");
    for (int i = 0; i < 4; i++) {
      assertEquals("plain: one", await(plainClient.proxy(Greeter.class, new CallOptions()).greet("one")),
          "a call that names no server goes to the server this client can reach");
    }
  }

  @Test
  void aServerTakenOutOfRotationIsProbedWithTls() throws Exception {
    discovery = ZookeeperDiscovery.create(vertx, zookeeper.discoveryOptions().setCluster("tls-probe"));
    server(new SlackerServerOptions().setSsl(true).setSslOptions(serverSsl()), "TLS");
    SlackerClient client = client(new SlackerClientOptions().setSsl(true).setSslOptions(trusting(otherCa))
        .setReconnectBackoffInitialMillis(20).setReconnectBackoffMaxMillis(50)
        .setCluster(new ClusterClientOptions().setProbeInitialMillis(20).setProbeMaxMillis(100)));
    awaitServers(client, 1);
    Throwable refused = failure(client.proxy(Greeter.class, new CallOptions()).greet("wrong CA"));
    assertTrue(refused.getMessage().contains("TLS"), refused.getMessage());
    assertEquals(0, await(client.servers("test.Greeter")).size(), "taken out of rotation");

    await(client.updateSSLOptions(trusting(ca)));

    awaitServers(client, 1);
    assertEquals("TLS: back", await(client.proxy(Greeter.class, new CallOptions()).greet("back")));
  }

  private SlackerServer server(SlackerServerOptions options, String name) throws Exception {
    return await(SlackerServer.create(vertx, options.setHost("127.0.0.1").setPort(0), discovery)
        .register(Greeter.class, who -> Future.succeededFuture(name + ": " + who))
        .listen());
  }

  private SlackerClient client(SlackerClientOptions options) {
    return SlackerClient.create(vertx, options.setCallTimeoutMillis(5_000), discovery);
  }

  /** The servers in the client's rotation, once there are {@code count} (within 10 s). */
  private static List<ServerInstance> awaitServers(SlackerClient client, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      List<ServerInstance> servers = await(client.servers("test.Greeter"));
      if (servers.size() == count || System.nanoTime() > deadline) {
        assertEquals(count, servers.size(), "servers in rotation: " + servers);
        return servers;
      }
      Thread.sleep(20);
    }
  }

  private static ServerSSLOptions serverSsl() {
    return new ServerSSLOptions().setKeyCertOptions(ca.issueServer("127.0.0.1").pemKeyCertOptions());
  }

  private static ClientSSLOptions trusting(TestCertificateAuthority authority) {
    return new ClientSSLOptions().setTrustOptions(authority.pemTrustOptions());
  }
}
