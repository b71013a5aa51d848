package io.slacker.cluster;

import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a server's membership costs ZooKeeper, counted in write transactions (the server's zxid
 * grows by one per write): joining and leaving cost the same for 1 service and for 200, and so
 * do taking one service offline and back, and new server data (docs/cluster.md §1).
 */
class ZookeeperWriteCountTest {

  private static final int[] SERVICE_COUNTS = {1, 20, 200};

  private EmbeddedZookeeper zookeeper;
  private Vertx vertx;
  private ZookeeperDiscovery discovery;

  /** ZooKeeper's own removal of empty container nodes is a write too, at its own times: not during a count. */
  private static final String CONTAINER_CHECK = "znode.container.checkIntervalMs";
  private String containerCheck;

  @BeforeEach
  void start() throws Exception {
    containerCheck = System.getProperty(CONTAINER_CHECK);
    System.setProperty(CONTAINER_CHECK, "3600000");
    zookeeper = new EmbeddedZookeeper();
    vertx = TestVertx.create();
    discovery = ZookeeperDiscovery.create(vertx, zookeeper.options("writes"));
    Await.result(discovery.connect());
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(discovery.close());
    Await.result(vertx.close());
    zookeeper.close();
    if (containerCheck == null) {
      System.clearProperty(CONTAINER_CHECK);
    } else {
      System.setProperty(CONTAINER_CHECK, containerCheck);
    }
  }

  /** The writes of one server's life, with {@code count} services, each step counted on its own. */
  private Map<String, Long> life(int port, String prefix, int count) throws Exception {
    List<String> services = IntStream.range(0, count).mapToObj(i -> prefix + "-" + count + "-" + i).toList();
    Map<String, Long> writes = new LinkedHashMap<>();
    long before = zookeeper.lastZxid();
    ServerRegistration registration = Await.result(discovery.register(SocketAddress.inetSocketAddress(port, "127.0.0.1"),
        new ServerData()));
    // As a server publishes its services when it starts: all at once, on its context.
    Promise<Void> published = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> {
      List<Future<Void>> each = new ArrayList<>();
      services.forEach(service -> each.add(registration.publish(service, false)));
      Future.all(each).<Void>mapEmpty().onComplete(published);
    });
    Await.result(published.future());
    writes.put("join", zookeeper.lastZxid() - before);

    before = zookeeper.lastZxid();
    Await.result(registration.withdraw(services.get(0)));
    writes.put("offline", zookeeper.lastZxid() - before);
    before = zookeeper.lastZxid();
    Await.result(registration.publish(services.get(0), false));
    writes.put("online", zookeeper.lastZxid() - before);
    before = zookeeper.lastZxid();
    Await.result(registration.updateData(new ServerData().setWeight(7)));
    writes.put("updateData", zookeeper.lastZxid() - before);

    before = zookeeper.lastZxid();
    Await.result(registration.close());
    writes.put("leave", zookeeper.lastZxid() - before);
    return writes;
  }

  @Test
  void aServersMembershipCostsTheSameWritesWhateverItsNumberOfServices() throws Exception {
    life(6999, "warm-up", 1);  // the cluster's own parent nodes, written once
    Map<Integer, Map<String, Long>> first = new LinkedHashMap<>();
    Map<Integer, Map<String, Long>> next = new LinkedHashMap<>();
    for (int count : SERVICE_COUNTS) {
      // The first server of a set also writes the set's index, in the same number of transactions.
      first.put(count, life(7000 + count, "svc", count));
      next.put(count, life(8000 + count, "svc", count));
    }
    for (int count : SERVICE_COUNTS) {
      assertEquals(first.get(SERVICE_COUNTS[0]), first.get(count), "first server of a set: " + first);
      assertEquals(next.get(SERVICE_COUNTS[0]), next.get(count), "a server of a known set: " + next);
    }
    Map<String, Long> known = next.get(SERVICE_COUNTS[0]);
    assertEquals(1, known.get("offline"), known.toString());
    assertEquals(1, known.get("online"), known.toString());
    assertEquals(1, known.get("updateData"), known.toString());
    assertEquals(1, known.get("leave"), known.toString());
    // The check that ZooKeeper lets it create its node, the node in the empty set it registers in,
    // and the move to its set once it publishes: the new node, and the empty set's node deleted.
    assertEquals(4, known.get("join"), "join: " + known);
    // The set's index, in one transaction, and its parent.
    assertTrue(first.get(SERVICE_COUNTS[0]).get("join") <= known.get("join") + 3, "first join: " + first);
  }
}
