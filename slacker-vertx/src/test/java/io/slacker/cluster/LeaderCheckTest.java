package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.NotSentException;
import io.slacker.ServerCall;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.StatusCode;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server checks leadership itself: a call routed to the leader runs only on the server that
 * leads now, with its term's fencing token; a stale client view gets NOT_LEADER, the call does not
 * run, and the server stays in rotation.
 */
class LeaderCheckTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static final String SERVICE = "test.Stock";
  /** Leader-routed: answers the term it runs in. */
  private static final MethodDescriptor RESERVE = MethodDescriptor.builder(SERVICE, "reserve")
      .returnType(Long.class).leaderRouted(true).build();

  private final Vertx vertx = TestVertx.create();
  private final StaticDiscovery discovery = StaticDiscovery.create(vertx);
  private final List<SlackerServer> servers = new ArrayList<>();
  private final List<AtomicInteger> runs = new ArrayList<>();
  private final List<SlackerClient> clients = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (SlackerClient client : clients) {
      Await.result(client.close());
    }
    for (SlackerServer server : servers) {
      Await.result(server.close());
    }
    Await.result(vertx.close());
  }

  private SocketAddress startServer() throws Exception {
    AtomicInteger ran = new AtomicInteger();
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0), discovery)
        .register(ServiceDefinition.builder(SERVICE).method(RESERVE, args -> {
          ran.incrementAndGet();
          return Future.succeededFuture(ServerCall.current().leaderTerm());
        }).build());
    Await.result(server.listen());
    servers.add(server);
    runs.add(ran);
    return SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
  }

  private SlackerClient client(StaticDiscovery view) {
    SlackerClient client = SlackerClient.create(vertx, new SlackerClientOptions().setCallTimeoutMillis(600), view);
    clients.add(client);
    return client;
  }

  @Test
  void onlyTheLeaderRunsLeaderCallsEachWithItsTermsFencingToken() throws Exception {
    SocketAddress a = startServer();
    SocketAddress b = startServer();
    SlackerClient client = client(discovery);
    assertEquals(a, Await.result(client.leader(SERVICE)), "the first candidate leads");
    long firstTerm = Await.result(client.<Long>call(RESERVE, new Object[0], new CallOptions()));
    assertTrue(firstTerm > 0, "a leader call carries its term: " + firstTerm);
    assertEquals(firstTerm, servers.get(0).membership().leaderTerm(SERVICE));
    assertEquals(0, servers.get(1).membership().leaderTerm(SERVICE));

    // A client whose view names B, which does not lead.
    StaticDiscovery staleView = StaticDiscovery.create(vertx).add(SERVICE, a).add(SERVICE, b).setLeader(SERVICE, b);
    SlackerClient stale = client(staleView);
    Throwable refused = Await.failure(stale.call(RESERVE, new Object[0], new CallOptions()));
    NotSentException notLeader = assertInstanceOf(NotSentException.class, refused);
    assertEquals(StatusCode.NOT_LEADER, notLeader.code());
    assertEquals(0, runs.get(1).get(), "B did not run it");
    assertEquals(2, Await.result(stale.servers(SERVICE)).size(), "NOT_LEADER takes no server out of rotation");

    // Leadership moves to B: a new, larger term.
    Await.result(servers.get(0).membership().offline(SERVICE));
    Await.until("B leads", Duration.ofSeconds(5), () -> servers.get(1).membership().isLeader(SERVICE));
    long secondTerm = Await.result(client.<Long>call(RESERVE, new Object[0], new CallOptions()));
    assertTrue(secondTerm > firstTerm, "terms grow: " + firstTerm + " then " + secondTerm);
    assertEquals(1, runs.get(1).get());
  }
}
