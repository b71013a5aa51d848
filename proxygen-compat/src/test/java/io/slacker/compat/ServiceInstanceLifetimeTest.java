package io.slacker.compat;

import io.slacker.CallOptions;
import io.slacker.ServerLimitsOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerException;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.StatusCode;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How long a returned service lives on the server (docs/protocol.md §12): until its caller closes
 * it, its connection closes, or it is idle too long; and how many one connection may hold.
 */
class ServiceInstanceLifetimeTest {

  private static final String SERVICE = StoreServiceSlackerBinding.SERVICE_NAME;

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private Vertx vertx;
  private StoreServiceImpl implementation;
  private SlackerServer server;
  private SlackerClient client;

  @BeforeEach
  void start() {
    vertx = TestVertx.create();
    implementation = new StoreServiceImpl();
  }

  private void serve(ServerLimitsOptions limits) throws Exception {
    server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0).setLimits(limits))
        .register(StoreService.class, implementation);
    server.listen().await(10, TimeUnit.SECONDS);
    client = SlackerClient.create(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close().await(10, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close().await(10, TimeUnit.SECONDS);
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private SocketAddress address() {
    return SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
  }

  private StoreService store(SlackerClient caller) {
    return caller.proxy(StoreService.class, address());
  }

  @Test
  void theConnectionClosingReleasesItsInstances() throws Exception {
    serve(new ServerLimitsOptions());
    SlackerClient other = SlackerClient.create(vertx);
    await(await(store(other).connect("ann")).put("k", new Sku("v")));
    await(store(other).connect("bob"));
    assertEquals(0, implementation.connectionsClosed());
    other.close().await(10, TimeUnit.SECONDS);
    eventually(() -> implementation.connectionsClosed() == 2, "both instances closed with their connection");
    assertEquals(new Sku("cid"), await(await(store(client).connect("cid")).get("owner")), "the server serves on");
  }

  @Test
  void anIdleInstanceIsReleasedAndItsProxySaysSo() throws Exception {
    serve(new ServerLimitsOptions().setServiceInstanceIdleTimeoutMillis(300));
    StoreConnection busy = await(store(client).connect("busy"));
    StoreConnection idle = await(store(client).connect("idle"));
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(900);
    while (System.nanoTime() < until) {
      await(busy.keys());
      Thread.sleep(50);
    }
    assertEquals(1, implementation.connectionsClosed(), "the idle one only");
    SlackerException gone = assertThrows(SlackerException.class, () -> await(idle.keys()));
    assertEquals(StatusCode.NOT_FOUND, gone.code());
    assertTrue(gone.getMessage().contains("it was released, as it had no call for 300 ms"), gone.getMessage());
    assertEquals(List.of("owner"), await(busy.keys()));
  }

  @Test
  void aConnectionHoldsAtMostItsMaximumAndTheRefusedInstanceIsClosed() throws Exception {
    serve(new ServerLimitsOptions().setMaxServiceInstances(2));
    StoreService store = store(client);
    StoreConnection first = await(store.connect("1"));
    await(store.connect("2"));
    SlackerException refused = assertThrows(SlackerException.class, () -> await(store.connect("3")));
    assertEquals(StatusCode.OVERLOADED, refused.code());
    assertTrue(refused.getMessage().contains("maxServiceInstances"), refused.getMessage());
    assertEquals(1, implementation.connectionsClosed(), "the instance it would have been is closed, not leaked");
    await(first.close());
    assertEquals(new Sku("4"), await(await(store.connect("4")).get("owner")), "closing one makes room");
    assertEquals(new Sku("x"), await(store.sku(new Sku("x"))));
  }

  @Test
  void anInstanceAnswersOnlyTheConnectionThatItWasReturnedOn() throws Exception {
    serve(new ServerLimitsOptions());
    CallOptions options = new CallOptions();
    String name = await(client.call(address(), SERVICE, "connect", List.of("ann"), String.class, options));
    assertTrue(name.startsWith(StoreConnectionSlackerBinding.SERVICE_NAME + "#"), name);
    assertEquals(List.of("owner"), await(client.call(address(), name, "keys", List.of(), List.class, options)),
        "a generic caller calls the instance by its name");

    SlackerClient stranger = SlackerClient.create(vertx);
    try {
      SlackerException notYours = assertThrows(SlackerException.class,
          () -> await(stranger.call(address(), name, "keys", List.of(), List.class, options)));
      assertEquals(StatusCode.NOT_FOUND, notYours.code());
      assertTrue(notYours.getMessage().contains("no service instance '" + name + "' on this connection"), notYours.getMessage());
      assertEquals(new Sku("y"), await(store(stranger).sku(new Sku("y"))), "the stranger is served otherwise");
    } finally {
      stranger.close().await(10, TimeUnit.SECONDS);
    }
    await(client.call(address(), name, "close", List.of(), Void.class, options));
    assertEquals(1, implementation.connectionsClosed());
    SlackerException closed = assertThrows(SlackerException.class,
        () -> await(client.call(address(), name, "keys", List.of(), List.class, options)));
    assertEquals(StatusCode.NOT_FOUND, closed.code());
    assertTrue(closed.getMessage().contains("it was released, its caller closed it"), closed.getMessage());
  }

  private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError(what);
      }
      Thread.sleep(20);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(10, TimeUnit.SECONDS);
  }
}
