package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerException;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.StatusCode;
import io.slacker.admin.ClientDescription;
import io.slacker.admin.ServerDescription;
import io.slacker.admin.ServiceDescription;
import io.slacker.admin.SlackerAdmin;
import io.slacker.cluster.impl.ServerAddresses;
import io.slacker.impl.SlackerVersion;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in {@code slacker.Server} service on servers in ZooKeeper: describe, offline and
 * online, server data and shutdown, seen by discovery clients within a second; and what each
 * bad request gets.
 */
class AdminTest extends ZookeeperClusterTestBase {

  private static final Duration SECOND = Duration.ofSeconds(1);

  private SlackerServer server(boolean adminOpen) throws Exception {
    ClusterNode node = ClusterNode.start(vertx, ZookeeperDiscovery.create(vertx, zookeeper.options("admin")),
        new SlackerServerOptions().setHost("127.0.0.1").setPort(0).setAdminWithoutAuthorization(adminOpen)
            .setCluster(new ClusterServerOptions().setWithdrawGraceMillis(0)));
    nodes.add(node);
    return node.server;
  }

  private void startClient() {
    clientDiscovery = ZookeeperDiscovery.create(vertx, zookeeper.options("admin"));
    client = SlackerClient.create(vertx, new SlackerClientOptions().setName("admin-test"), clientDiscovery);
  }

  private static SocketAddress address(SlackerServer server) {
    return SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
  }

  private List<String> inRotation() throws Exception {
    return Await.result(client.servers(Who.NAME)).stream().map(ServerInstance::toString).toList();
  }

  @Test
  void describeShowsServicesClientsDataAndVersion() throws Exception {
    SlackerServer server = server(false);
    startClient();
    SocketAddress address = address(server);
    Await.result(client.call(address, Who.NAME, "name", List.of(), String.class, new CallOptions()));
    ServerDescription description = Await.result(SlackerAdmin.create(client).describe(address));

    assertEquals(SlackerVersion.get(), description.getVersion());
    assertNotEquals("unknown", description.getVersion());
    assertTrue(description.getUptimeMillis() >= 0 && description.getStartTime() > 0);
    assertEquals(Boolean.TRUE, description.getOnline());
    assertNotNull(description.getData().getIncarnation(), "the published data, with its incarnation");
    ServiceDescription who = description.service(Who.NAME);
    assertEquals(Boolean.TRUE, who.getOnline());
    assertNotNull(who.method("slowName"));
    assertNotNull(description.service(SlackerAdmin.SERVICE), "the built-in service describes itself too");
    ClientDescription me = description.getClients().stream().filter(c -> "admin-test".equals(c.getName()))
        .findFirst().orElseThrow(() -> new AssertionError("the client is listed: " + description.getClients()));
    assertEquals(SlackerVersion.get(), me.getVersion());
    assertTrue(me.getServed() >= 1, "the call before describe was served: " + me);
    assertTrue(me.getInFlight() >= 1, "describe itself is in flight: " + me);
    assertTrue(me.getRemoteAddress().startsWith("127.0.0.1:"));

    assertEquals(List.of(Who.NAME), Await.result(clientDiscovery.services()), "the built-in service is never published");
    assertEquals(List.of(ServerAddresses.format(address)),
        Await.result(clientDiscovery.registeredServers()).stream().map(ServerInstance::toString).toList());
  }

  @Test
  void offlineAndOnlineReachClientsWithinASecond() throws Exception {
    SlackerServer first = server(true);
    SlackerServer second = server(true);
    startClient();
    SlackerAdmin admin = SlackerAdmin.create(client);
    String firstName = ServerAddresses.format(address(first));
    Await.until("both servers in rotation", Duration.ofSeconds(5), () -> uncheckedRotation().size() == 2);

    Await.result(admin.offline(address(first), Who.NAME));
    long took = Await.until("the service offline in clients' routing", SECOND, () -> !uncheckedRotation().contains(firstName));
    assertTrue(took < 1000);
    assertEquals(2, Await.result(clientDiscovery.registeredServers()).size(), "an offline server stays registered");
    ServerDescription described = Await.result(admin.describe(address(first)));
    assertEquals(Boolean.FALSE, described.service(Who.NAME).getOnline());
    assertEquals(Boolean.TRUE, described.getOnline(), "only the service went offline");
    for (int i = 0; i < 10; i++) {
      assertNotEquals(firstName, Await.result(client.call(null, Who.NAME, "name", List.of(), String.class, new CallOptions())));
    }

    Await.result(admin.online(address(first), Who.NAME));
    Await.until("the service back in clients' routing", SECOND, () -> uncheckedRotation().contains(firstName));

    Await.result(admin.offline(address(first)));
    Await.until("the whole server offline in clients' routing", SECOND, () -> !uncheckedRotation().contains(firstName));
    assertEquals(Boolean.FALSE, Await.result(admin.describe(address(first))).getOnline());
    Await.result(admin.online(address(first)));
    Await.until("the whole server back in clients' routing", SECOND, () -> uncheckedRotation().contains(firstName));
  }

  private List<String> uncheckedRotation() {
    try {
      return inRotation();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void serverDataChangesReachClientsAndKeepTheIncarnation() throws Exception {
    SlackerServer server = server(true);
    startClient();
    SlackerAdmin admin = SlackerAdmin.create(client);
    ServerData before = Await.result(admin.data(address(server)));
    assertNotNull(before.getIncarnation());

    ServerData after = Await.result(admin.updateData(address(server), new ServerData().setWeight(7).setZone("eu-2")));
    assertEquals(7, after.getWeight());
    assertEquals("eu-2", after.getZone());
    assertEquals(before.getIncarnation(), after.getIncarnation(), "the incarnation stays the registration's");
    assertEquals(before.getStartTime(), after.getStartTime());
    Await.until("the new weight in clients' view", SECOND, () -> {
      try {
        return inRotation().size() == 1 && Await.result(client.servers(Who.NAME)).get(0).data().getWeight() == 7;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void changesAreRefusedWithoutAuthorizationUnlessTheServerAllowsThem() throws Exception {
    SlackerServer server = server(false);
    startClient();
    SlackerAdmin admin = SlackerAdmin.create(client);
    SlackerException refused = assertInstanceOf(SlackerException.class, Await.failure(admin.offline(address(server))));
    assertEquals(StatusCode.PERMISSION_DENIED, refused.code());
    assertTrue(refused.getMessage().contains("setAdminWithoutAuthorization"), refused.getMessage());
    for (var change : List.of(admin.online(address(server), Who.NAME), admin.updateData(address(server), new ServerData()),
        admin.shutdown(address(server), 1, TimeUnit.SECONDS))) {
      assertEquals(StatusCode.PERMISSION_DENIED, ((SlackerException) Await.failure(change)).code());
    }
    assertNotNull(Await.result(admin.describe(address(server))), "describe stays open");
    assertEquals(1, inRotation().size(), "nothing changed");
    assertNotNull(Await.result(client.call(address(server), Who.NAME, "name", List.of(), String.class, new CallOptions())));
  }

  @Test
  void badRequestsGetClearErrorsAndTheServerServesOn() throws Exception {
    SlackerServer server = server(true);
    startClient();
    SlackerAdmin admin = SlackerAdmin.create(client);
    SocketAddress address = address(server);
    assertCode(StatusCode.ENTITY_NOT_FOUND, "no service 'nope'", admin.offline(address, "nope"));
    assertCode(StatusCode.ENTITY_NOT_FOUND, "no service 'slacker.Server'", admin.offline(address, SlackerAdmin.SERVICE));
    assertCode(StatusCode.INVALID_ARGUMENT, "weight", client.call(address, SlackerAdmin.SERVICE, "updateData",
        List.of(new io.vertx.core.json.JsonObject().put("weight", "heavy")), Object.class, new CallOptions()));
    assertCode(StatusCode.INVALID_ARGUMENT, "negative", admin.shutdown(address, -1, TimeUnit.MILLISECONDS));

    SlackerServer alone = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0)
        .setAdminWithoutAuthorization(true));
    Await.result(alone.listen());
    try {
      assertCode(StatusCode.FAILED_PRECONDITION, "not in discovery", admin.offline(address(alone)));
      assertCode(StatusCode.FAILED_PRECONDITION, "not in discovery", admin.data(address(alone)));
      ServerDescription described = Await.result(admin.describe(address(alone)));
      assertNull(described.getOnline());
      assertNull(described.getData());
    } finally {
      Await.result(alone.close());
    }
    assertEquals(ServerAddresses.format(address),
        Await.result(client.call(address, Who.NAME, "name", List.of(), String.class, new CallOptions())));
  }

  @Test
  void shutdownAnswersThenStopsTheServerGracefully() throws Exception {
    SlackerServer server = server(true);
    startClient();
    Await.result(SlackerAdmin.create(client).shutdown(address(server), 2, TimeUnit.SECONDS));
    Await.until("the server gone from ZooKeeper", Duration.ofSeconds(5), () -> {
      try {
        return Await.result(clientDiscovery.registeredServers()).isEmpty();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    Await.until("the server no longer accepting calls", Duration.ofSeconds(10), () -> {
      try {
        Await.result(client.call(address(server), Who.NAME, "name", List.of(), String.class, new CallOptions()));
        return false;
      } catch (Exception e) {
        return true;
      }
    });
  }

  private static void assertCode(StatusCode code, String text, io.vertx.core.Future<?> call) throws Exception {
    SlackerException failure = assertInstanceOf(SlackerException.class, Await.failure(call));
    assertEquals(code, failure.code(), failure.getMessage());
    assertTrue(failure.getMessage().contains(text), failure.getMessage());
    assertFalse(failure.getMessage().isEmpty());
  }
}
