package io.slacker.cluster;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A watch delivers at most one snapshot every 20 ms, each with every change meanwhile: servers
 * joining by the hundred cost a watcher a few snapshots, not one per server, and the last one
 * has them all.
 */
class WatchBatchingTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static final int SERVERS = 300;
  private static final Duration WAIT = Duration.ofSeconds(30);

  private Vertx vertx;
  private EmbeddedZookeeper zookeeper;
  private ZookeeperDiscovery servers;
  private ZookeeperDiscovery client;

  @BeforeEach
  void setUp() throws Exception {
    vertx = TestVertx.create();
    zookeeper = new EmbeddedZookeeper();
    servers = ZookeeperDiscovery.create(vertx, zookeeper.options("b"));
    client = ZookeeperDiscovery.create(vertx, zookeeper.options("b"));
  }

  @AfterEach
  void tearDown() throws Exception {
    Await.result(client.close());
    Await.result(servers.close());
    Await.result(vertx.close());
    zookeeper.close();
  }

  @Test
  void aBurstOfJoinsComesInBatchedSnapshots() throws Exception {
    List<Long> snapshots = new CopyOnWriteArrayList<>();
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    ServiceWatch watch = Await.result(client.watch("burst", members -> {
      snapshots.add(System.nanoTime());
      sizes.add(members.servers().size());
    }));
    List<Future<Void>> joined = new ArrayList<>();
    for (int i = 0; i < SERVERS; i++) {
      joined.add(servers.register(SocketAddress.inetSocketAddress(10_000 + i, "127.0.0.1"), new ServerData())
          .compose(registration -> registration.publish("burst", false)));
    }
    Await.result(Future.all(joined));
    Await.until("every server seen", WAIT, () -> watch.current().servers().size() == SERVERS);
    Thread.sleep(100);

    assertEquals(SERVERS, (int) sizes.get(sizes.size() - 1), "the last snapshot has every server");
    long spanMillis = (snapshots.get(snapshots.size() - 1) - snapshots.get(0)) / 1_000_000;
    System.out.println(SERVERS + " joins seen in " + snapshots.size() + " snapshots over " + spanMillis + " ms");
    assertTrue(snapshots.size() <= spanMillis / 20 + 2,
        snapshots.size() + " snapshots over " + spanMillis + " ms: more than one per 20 ms");
    assertTrue(snapshots.size() < SERVERS / 2, snapshots.size() + " snapshots for " + SERVERS + " joins");
  }
}
