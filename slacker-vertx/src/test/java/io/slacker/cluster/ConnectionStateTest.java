package io.slacker.cluster;

import io.vertx.core.Context;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a {@link ZookeeperDiscovery} reports of its ZooKeeper connection, for health checks. */
class ConnectionStateTest extends ZookeeperClusterTestBase {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void connectsOnDemandAndReportsEachChangeOnTheHandlersContext() throws Exception {
    ZookeeperDiscovery discovery = ZookeeperDiscovery.create(vertx, zookeeper.options("states"));
    clientDiscovery = discovery;
    assertFalse(discovery.isConnected(), "an unused discovery has not started its client");
    assertNull(discovery.connectionState());
    assertEquals(0, discovery.sessionId());

    Context context = vertx.getOrCreateContext();
    List<ConnectionState> states = new CopyOnWriteArrayList<>();
    List<Context> contexts = new CopyOnWriteArrayList<>();
    Await.result(context.<Void>executeBlocking(() -> null).compose(v -> {
      discovery.connectionStateHandler(state -> {
        states.add(state);
        contexts.add(vertx.getOrCreateContext());
      });
      return discovery.connect();
    }));
    Await.until("connected", WAIT, discovery::isConnected);
    long session = discovery.sessionId();
    assertNotEquals(0, session);

    zookeeper.stop();
    Await.until("the connection seen down", WAIT, () -> !discovery.isConnected());
    assertTrue(List.of(ConnectionState.SUSPENDED, ConnectionState.LOST).contains(discovery.connectionState()));
    zookeeper.restart();
    Await.until("connected again", WAIT, discovery::isConnected);
    Await.until("the handler told of it", WAIT, () -> states.contains(ConnectionState.RECONNECTED));
    assertEquals(List.of(ConnectionState.CONNECTED, ConnectionState.SUSPENDED), states.subList(0, 2));
    contexts.forEach(each -> assertSame(context, each, "handed to the context that set the handler"));

    Await.result(discovery.close());
    assertFalse(discovery.isConnected(), "a closed discovery reports no connection");
    assertNull(discovery.connectionState());
  }

  @Test
  void aClientSomeoneElseConnectedCountsAsConnectedAtOnce() throws Exception {
    CuratorFramework curator = CuratorFrameworkFactory.newClient(zookeeper.connectString(), 3_000, 1_000, new RetryOneTime(100));
    curator.start();
    try {
      assertTrue(curator.blockUntilConnected(10, TimeUnit.SECONDS));
      ZookeeperDiscovery discovery = ZookeeperDiscovery.create(vertx, curator, new ZookeeperDiscoveryOptions().setCluster("states"));
      clientDiscovery = discovery;
      assertTrue(discovery.isConnected());
      assertEquals(ConnectionState.CONNECTED, discovery.connectionState());
      assertEquals(curator.getZookeeperClient().getZooKeeper().getSessionId(), discovery.sessionId());
      Await.result(discovery.connect());
      Await.result(discovery.close());
      clientDiscovery = null;
      assertTrue(curator.getZookeeperClient().isConnected(), "closing the discovery leaves someone else's client open");
    } finally {
      curator.close();
    }
  }
}
