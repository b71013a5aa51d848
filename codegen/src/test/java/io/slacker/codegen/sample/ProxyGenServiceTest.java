package io.slacker.codegen.sample;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.ServiceExceptions;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.serviceproxy.ServiceBinder;
import io.vertx.serviceproxy.ServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@code @ProxyGen} interface, unchanged, served over the event bus by its generated
 * event-bus proxy and over Slacker by the Slacker proxy generated in the same build.
 */
class ProxyGenServiceTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private Vertx vertx;
  private SlackerServer server;
  private SlackerClient client;
  private InventoryServiceImpl implementation;
  private InventoryService slacker;

  @BeforeEach
  void start() throws Exception {
    vertx = TestVertx.create();
    implementation = new InventoryServiceImpl();
    server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(InventoryService.class, implementation);
    server.listen().await(10, TimeUnit.SECONDS);
    client = SlackerClient.create(vertx);
    slacker = client.proxy(InventoryService.class, SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1"));
  }

  @AfterEach
  void stop() throws Exception {
    client.close().await(10, TimeUnit.SECONDS);
    server.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void eventBusProxyStillWorks() throws Exception {
    new ServiceBinder(vertx).setAddress("inventory").register(InventoryService.class, implementation);
    InventoryService eventBus = InventoryService.createEventBusProxy(vertx, "inventory");
    assertEquals(3, await(eventBus.stock("apple")));
    assertEquals(new Settings("dark", 13), await(eventBus.configure(new Settings("dark", 12))));
  }

  @Test
  void aServiceExceptionKeepsItsContractOverTheEventBusAndOverSlackerInEverySerialization() throws Exception {
    new ServiceBinder(vertx).setAddress("inventory").register(InventoryService.class, implementation);
    ServiceException overEventBus = ServiceExceptions.failureOf(
        InventoryService.createEventBusProxy(vertx, "inventory").take("pear", 2));
    assertEquals(409, overEventBus.failureCode());
    for (String serialization : List.of("json", "smile", "cbor")) {
      InventoryService proxy = client.proxy(InventoryService.class, new CallOptions()
          .setServer(SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1")).setSerialization(serialization));
      ServiceException overSlacker = ServiceExceptions.failureOf(proxy.take("pear", 2));
      assertEquals(overEventBus.failureCode(), overSlacker.failureCode(), serialization);
      assertEquals(overEventBus.getMessage(), overSlacker.getMessage(), serialization);
      assertEquals(overEventBus.getDebugInfo(), overSlacker.getDebugInfo(), serialization);
      assertEquals(new JsonObject().put("sku", "pear").put("left", 0), overSlacker.getDebugInfo());
    }
    assertEquals(1, await(slacker.take("apple", 2)), "and the service serves on");
  }

  @Test
  void everyMethodWorksOverSlacker() throws Exception {
    assertEquals(3, await(slacker.stock("apple")));
    assertEquals(null, await(slacker.stock("plum")));
    assertEquals(List.of("apple", "pear"), await(slacker.skus()));
    assertEquals(Map.of("apple", 3, "kiwi", 0), await(slacker.levels(List.of("apple", "kiwi"))));
    assertEquals(new Settings("dark", 13), await(slacker.configure(new Settings("dark", 12))));
    assertEquals(List.of(new Settings("dark", 12)), await(slacker.history(Color.RED)));
    assertEquals(new JsonObject().put("note", "ü").put("sku", "apple").put("stock", 3),
        await(slacker.describe("apple", new JsonObject().put("note", "ü"))));
    slacker.restock("apple", 2);
    // The one-way call and the next call share one connection, in order.
    assertEquals(5, await(slacker.stock("apple")));
    assertEquals(null, await(slacker.reset()));
    assertEquals(List.of(), await(slacker.skus()));
  }

  @Test
  void ignoredMethodsAreNotSent() throws Exception {
    slacker.compact();
    assertEquals(List.of("apple", "pear"), await(slacker.skus()));
    assertEquals(Map.of("apple", 3, "pear", 0), implementation.snapshot());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(10, TimeUnit.SECONDS);
  }
}
