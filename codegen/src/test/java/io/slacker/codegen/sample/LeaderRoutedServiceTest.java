package io.slacker.codegen.sample;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.cluster.StaticDiscovery;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code @LeaderRouted} reaches the descriptors: servers stand for election and proxies call the leader, with no option set. */
class LeaderRoutedServiceTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private final Vertx vertx = TestVertx.create();
  private final List<SlackerServer> servers = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (SlackerServer server : servers) {
      server.close().await(5, TimeUnit.SECONDS);
    }
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  @Test
  void callsOfALeaderRoutedServiceAllGoToTheElectedLeader() throws Exception {
    assertTrue(LedgerServiceSlackerBinding.APPEND.leaderRouted());
    StaticDiscovery discovery = StaticDiscovery.create(vertx);
    for (int i = 0; i < 3; i++) {
      SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0), discovery);
      server.register(LedgerService.class, entry -> Future.succeededFuture(server.actualPort()));
      server.listen().await(5, TimeUnit.SECONDS);
      servers.add(server);
    }
    SlackerClient client = SlackerClient.create(vertx, new SlackerClientOptions(), discovery);
    SocketAddress leader = client.leader(LedgerServiceSlackerBinding.SERVICE_NAME).await(5, TimeUnit.SECONDS);
    LedgerService ledger = client.proxy(LedgerService.class, new CallOptions());
    Set<Integer> answeredBy = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      answeredBy.add(ledger.append("entry " + i).await(5, TimeUnit.SECONDS));
    }
    assertEquals(Set.of(leader.port()), answeredBy, "every call went to the leader, " + leader);
    client.close().await(5, TimeUnit.SECONDS);
  }
}
