package io.slacker.cluster;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticDiscoveryTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static final SocketAddress A = SocketAddress.inetSocketAddress(7201, "127.0.0.1");
  private static final SocketAddress B = SocketAddress.inetSocketAddress(7202, "127.0.0.1");

  private final Vertx vertx = TestVertx.create();

  @AfterEach
  void tearDown() throws Exception {
    Await.result(vertx.close());
  }

  @Test
  void configuredListIsServedAndBadEntriesAreRejected() throws Exception {
    StaticDiscovery discovery = StaticDiscovery.create(vertx, new JsonObject()
        .put("shop.Greeter", new JsonArray().add("127.0.0.1:7201").add("127.0.0.1:7202")));
    ServiceWatch watch = Await.result(discovery.watch("shop.Greeter", m -> { }));
    assertEquals(List.of(A, B), watch.current().servers().stream().map(ServerInstance::address).toList());
    assertNull(watch.current().leader());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StaticDiscovery.create(vertx,
        new JsonObject().put("shop.Greeter", new JsonArray().add("no-port"))));
    assertTrue(e.getMessage().contains("'no-port'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> StaticDiscovery.create(vertx, new JsonObject().put("x", "127.0.0.1:1")));
  }

  @Test
  void publishedServersElectTheEarliestCandidateAndLeadershipMovesOnWithdrawal() throws Exception {
    StaticDiscovery discovery = StaticDiscovery.create(vertx);
    List<ServiceMembers> updates = new CopyOnWriteArrayList<>();
    ServiceWatch watch = Await.result(discovery.watch("ledger", updates::add));
    ServerRegistration a = Await.result(discovery.register(A, new ServerData().setWeight(5)));
    ServerRegistration b = Await.result(discovery.register(B, new ServerData()));
    List<String> bEvents = new CopyOnWriteArrayList<>();
    b.leadershipHandler(bEvents::add);
    Await.result(a.publish("ledger", true));
    Await.result(b.publish("ledger", true));

    assertEquals(A, watch.current().leader());
    assertTrue(a.isLeader("ledger"));
    assertFalse(b.isLeader("ledger"));
    assertEquals(5, watch.current().servers().get(0).data().getWeight());

    Await.result(a.withdraw("ledger"));
    assertEquals(B, watch.current().leader());
    assertEquals(List.of(B), watch.current().servers().stream().map(ServerInstance::address).toList());
    Await.until("B told it leads", Duration.ofSeconds(5), () -> bEvents.equals(List.of("ledger")));
    Await.until("listener saw every change", Duration.ofSeconds(5), () -> updates.size() == 3);

    Await.result(b.close());
    assertTrue(watch.current().isEmpty());
    assertNull(watch.current().leader());
  }
}
