package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.junit5.VertxExtension;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server verticles on ZooKeeper, deployed and undeployed the Vert.x way: instances on one port
 * share one registration, the last to go withdraws it, and undeploying ends the sessions it made.
 */
@ExtendWith(VertxExtension.class)
class VerticleClusterTest extends ZookeeperClusterTestBase {

  private static final String CLUSTER = "verticles";
  private static final String SERVICE = "test.Instance";
  private static final MethodDescriptor ID = MethodDescriptor.builder(SERVICE, "id")
      .returnType(Integer.class).idempotent(true).build();
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private CuratorFramework observer;

  @BeforeEach
  void observe() throws Exception {
    observer = CuratorFrameworkFactory.newClient(zookeeper.connectString(), 3_000, 1_000, new RetryOneTime(100));
    observer.start();
    assertTrue(observer.blockUntilConnected(10, TimeUnit.SECONDS));
  }

  @AfterEach
  void stopObserving() {
    observer.close();
  }

  /** A server verticle as a user writes one: its own discovery, shared among its instances, and a server on a fixed port. */
  private final class ServerVerticle extends VerticleBase {
    private final int port;
    private final int id = INSTANCES.incrementAndGet();

    ServerVerticle(int port) {
      this.port = port;
    }

    @Override
    public Future<?> start() {
      ZookeeperDiscovery discovery = ZookeeperDiscovery.create(vertx, zookeeper.options(CLUSTER).setShared(true));
      SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(port)
          .setCluster(new ClusterServerOptions().setWithdrawGraceMillis(300)), discovery);
      server.register(ServiceDefinition.builder(SERVICE).method(ID, args -> Future.succeededFuture(id)).build());
      return server.listen();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private List<String> published() throws Exception {
    return ClusterNodes.servers(observer, CLUSTER);
  }

  private SlackerClient newClient() {
    clientDiscovery = ZookeeperDiscovery.create(vertx, zookeeper.options(CLUSTER));
    client = SlackerClient.create(vertx, new SlackerClientOptions().setCallTimeoutMillis(3_000), clientDiscovery);
    return client;
  }

  @Test
  void threeInstancesOnOnePortEachServeAndPublishOnce() throws Exception {
    int sessionsBefore = zookeeper.aliveConnections();
    int port = freePort();
    String deployment = Await.result(vertx.deployVerticle(() -> new ServerVerticle(port), new DeploymentOptions().setInstances(3)));
    assertEquals(List.of("127.0.0.1:" + port), published(), "one registration for the three instances");
    assertEquals(sessionsBefore + 1, zookeeper.aliveConnections(), "one session for the three instances");

    Set<Integer> answeredBy = new HashSet<>();
    List<SlackerClient> clients = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      SlackerClient direct = SlackerClient.create(vertx);
      clients.add(direct);
      answeredBy.add(Await.result(direct.<Integer>call(ID, new Object[0],
          new CallOptions().setServer(io.vertx.core.net.SocketAddress.inetSocketAddress(port, "127.0.0.1")))));
    }
    for (SlackerClient direct : clients) {
      Await.result(direct.close());
    }
    assertEquals(3, answeredBy.size(), "connections spread over every instance: " + answeredBy);

    Await.result(vertx.undeploy(deployment));
    assertEquals(List.of(), published(), "undeploying withdrew the address");
    Await.until("the session closed", Duration.ofSeconds(5), () -> sessionsBefore == aliveConnections());
  }

  @Test
  void theLastOfSeveralDeploymentsOnOnePortWithdrawsIt() throws Exception {
    int port = freePort();
    List<String> deployments = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      deployments.add(Await.result(vertx.deployVerticle(new ServerVerticle(port))));
    }
    newClient();
    Await.until("the service listed", Duration.ofSeconds(5), () -> serversListed() == 1);
    Await.result(vertx.undeploy(deployments.get(0)));
    Await.result(vertx.undeploy(deployments.get(1)));
    assertEquals(List.of("127.0.0.1:" + port), published(), "still published while one deployment is up");
    Integer answer = Await.result(client.<Integer>call(ID, new Object[0], new CallOptions()));
    assertTrue(answer > 0);
    Await.result(vertx.undeploy(deployments.get(2)));
    assertEquals(List.of(), published(), "the last deployment withdrew it");
  }

  @Test
  void undeployingAServerUnderLoadLosesNoIdempotentCallAndEndsItsSession() throws Exception {
    newClient();
    serversListed();
    int sessionsBefore = zookeeper.aliveConnections();
    String leaving = Await.result(vertx.deployVerticle(new ServerVerticle(freePort())));
    String staying = Await.result(vertx.deployVerticle(new ServerVerticle(freePort())));
    Await.until("both servers listed", Duration.ofSeconds(5), () -> serversListed() == 2);

    LoadLoop load = new LoadLoop(vertx, () -> client.<Integer>call(ID, new Object[0], new CallOptions()).map(String::valueOf), 16);
    load.start();
    Thread.sleep(500);
    Await.result(vertx.undeploy(leaving));
    assertEquals(1, published().size(), "the undeployed server's nodes are gone");
    Thread.sleep(1_000);
    LoadLoop.Totals totals = Await.result(load.stop());
    System.out.printf("figures: undeploy under load: %s%n", totals);
    assertEquals(0, totals.failed(), "no idempotent call lost: " + totals);
    assertTrue(totals.succeeded() > 100, "calls were made: " + totals);

    Await.result(vertx.undeploy(staying));
    Await.until("the servers' session closed", Duration.ofSeconds(5), () -> aliveConnections() == sessionsBefore);
  }

  @Test
  void anUnrelatedServerCannotPublishAnAddressAlreadyPublishedHere() throws Exception {
    int port = freePort();
    ZookeeperDiscovery first = ZookeeperDiscovery.create(vertx, zookeeper.options(CLUSTER));
    ZookeeperDiscovery second = ZookeeperDiscovery.create(vertx, zookeeper.options(CLUSTER));
    SlackerServerOptions options = new SlackerServerOptions().setHost("127.0.0.1").setPort(port);
    SlackerServer publishing = SlackerServer.create(vertx, options, first)
        .register(ServiceDefinition.builder(SERVICE).method(ID, args -> Future.succeededFuture(1)).build());
    Await.result(publishing.listen());
    SlackerServer unrelated = SlackerServer.create(vertx, options, second)
        .register(ServiceDefinition.builder(SERVICE).method(ID, args -> Future.succeededFuture(2)).build());
    long start = System.nanoTime();
    Throwable failure = Await.failure(unrelated.listen());
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3_000, "failed fast");
    assertTrue(failure.getMessage().startsWith("127.0.0.1:" + port + " is already published by another server of this"
        + " process, on another ZooKeeper session"), failure.getMessage());
    assertEquals(List.of("127.0.0.1:" + port), published(), "the first registration stands");
    SlackerClient direct = SlackerClient.create(vertx);
    assertEquals(1, Await.result(direct.<Integer>call(ID, new Object[0],
        new CallOptions().setServer(io.vertx.core.net.SocketAddress.inetSocketAddress(port, "127.0.0.1")))));
    Await.result(direct.close());
    Await.result(publishing.close());
    Await.result(first.close());
    Await.result(second.close());
  }

  private int serversListed() {
    try {
      return Await.result(client.servers(SERVICE)).size();
    } catch (Exception e) {
      return -1;
    }
  }

  private int aliveConnections() {
    try {
      return zookeeper.aliveConnections();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
