package io.slacker.compat;

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

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * One implementation of a {@code @ProxyGen} service of every kind, served over the event bus by
 * vertx-service-proxy and over Slacker, in each serialization: every method answers the same.
 */
class StoreServiceOverBothTransportsTest {

  private static final List<String> SERIALIZATIONS = List.of("json", "smile", "cbor");

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private Vertx vertx;
  private StoreServiceImpl implementation;
  private SlackerServer server;
  private SlackerClient client;
  private StoreService eventBus;

  @BeforeEach
  void start() throws Exception {
    vertx = TestVertx.create();
    vertx.eventBus().registerDefaultCodec(QuotaExceededException.class, new QuotaExceededCodec());
    implementation = new StoreServiceImpl();
    new ServiceBinder(vertx).setAddress("store").register(StoreService.class, implementation);
    eventBus = StoreService.createProxy(vertx, "store");
    server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(StoreService.class, implementation);
    server.listen().await(10, TimeUnit.SECONDS);
    client = SlackerClient.create(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    client.close().await(10, TimeUnit.SECONDS);
    server.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private StoreService slacker(String serialization) {
    return client.proxy(StoreService.class, new CallOptions().setServer(address()).setSerialization(serialization));
  }

  private SocketAddress address() {
    return SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
  }

  @Test
  void everyMethodAnswersTheSameOverBothInEverySerialization() throws Exception {
    List<Sku> skus = Arrays.asList(new Sku("A-1"), null, new Sku("ü-2"));
    Set<Sku> skuSet = new LinkedHashSet<>(List.of(new Sku("A-1"), new Sku("B-2")));
    Map<String, Item> items = new LinkedHashMap<>();
    items.put("full", new Item("pear", 3));
    items.put("empty", new Item(null, null));
    for (String serialization : SERIALIZATIONS) {
      StoreService slacker = slacker(serialization);
      for (StoreService store : List.of(eventBus, slacker)) {
        String where = (store == eventBus ? "event bus" : "slacker") + ", " + serialization;
        assertEquals(new Sku("A-1"), await(store.sku(new Sku("A-1"))), where);
        assertEquals(null, await(store.sku(null)), where);
        assertEquals(new Item("pear", 3), await(store.item(new Item("pear", 3))), where);
        assertEquals(new Item(null, null), await(store.item(new Item(null, null))), where);
        assertEquals(skus, await(store.skus(skus)), where);
        assertEquals(skuSet, await(store.skuSet(skuSet)), where);
        assertEquals(items, await(store.items(items)), where);
      }
    }
  }

  @Test
  void aReturnedServiceIsTheCallersOwnUntilItIsClosed() throws Exception {
    int closedBefore = implementation.connectionsClosed();
    for (String serialization : SERIALIZATIONS) {
      for (StoreService store : List.of(eventBus, slacker(serialization))) {
        String where = (store == eventBus ? "event bus" : "slacker") + ", " + serialization;
        StoreConnection ann = await(store.connect("ann"));
        StoreConnection bob = await(store.connect("bob"));
        await(ann.put("k", new Sku("ann's")));
        assertEquals(new Sku("ann's"), await(ann.get("k")), where);
        assertEquals(null, await(bob.get("k")), where + ": each caller has an instance of its own");
        assertEquals(List.of("k", "owner"), await(ann.keys()), where);
        assertEquals(new Sku("bob"), await(bob.get("owner")), where);

        await(ann.close());
        Exception afterClose = assertThrows(Exception.class, () -> await(ann.keys()), where);
        assertEquals("Proxy is closed", afterClose.getMessage(), where);
        assertEquals(List.of("owner"), await(bob.keys()), where + ": closing one leaves the other");
        await(bob.close());
      }
    }
    assertEquals(closedBefore + 2 * 2 * SERIALIZATIONS.size(), implementation.connectionsClosed(),
        "each close ran the implementation's close, over both transports");
  }

  @Test
  void serviceExceptionsKeepTheirFieldsAndSubclassesAreRebuiltByTheirCodecs() throws Exception {
    ServiceException refusedOverEventBus = ServiceExceptions.failureOf(eventBus.refuse(409));
    QuotaExceededException quotaOverEventBus = assertInstanceOf(QuotaExceededException.class,
        ServiceExceptions.failureOf(eventBus.overQuota(5)), "the event bus rebuilds it with its codec");
    // A caller in another Vert.x, which registered the same codec, as a clustered event-bus caller must.
    Vertx callers = TestVertx.create();
    callers.eventBus().registerDefaultCodec(QuotaExceededException.class, new QuotaExceededCodec());
    SlackerClient remote = SlackerClient.create(callers);
    try {
      for (String serialization : SERIALIZATIONS) {
        StoreService slacker = remote.proxy(StoreService.class,
            new CallOptions().setServer(address()).setSerialization(serialization));
        QuotaExceededException quota = assertInstanceOf(QuotaExceededException.class,
            ServiceExceptions.failureOf(slacker.overQuota(5)), serialization);
        assertEquals(quotaOverEventBus.limit(), quota.limit(), serialization);
        assertEquals(quotaOverEventBus.failureCode(), quota.failureCode(), serialization);
        assertEquals(quotaOverEventBus.getMessage(), quota.getMessage(), serialization);
        assertEquals(quotaOverEventBus.getDebugInfo(), quota.getDebugInfo(), serialization);
      }
    } finally {
      remote.close().await(10, TimeUnit.SECONDS);
      callers.close().await(10, TimeUnit.SECONDS);
    }
    for (String serialization : SERIALIZATIONS) {
      StoreService slacker = slacker(serialization);
      ServiceException refused = ServiceExceptions.failureOf(slacker.refuse(409));
      assertEquals(refusedOverEventBus.failureCode(), refused.failureCode(), serialization);
      assertEquals(refusedOverEventBus.getMessage(), refused.getMessage(), serialization);
      assertEquals(refusedOverEventBus.getDebugInfo(), refused.getDebugInfo(), serialization);
      assertEquals(new JsonObject().put("code", 409), refused.getDebugInfo(), serialization);

      ServiceException quota = ServiceExceptions.failureOf(slacker.overQuota(5));
      assertInstanceOf(QuotaExceededException.class, quota, serialization);
      assertEquals(quotaOverEventBus.failureCode(), quota.failureCode(), serialization);
      assertEquals(quotaOverEventBus.getMessage(), quota.getMessage(), serialization);
      assertEquals(quotaOverEventBus.getDebugInfo(), quota.getDebugInfo(), serialization);
      assertEquals(new Sku("A"), await(slacker.sku(new Sku("A"))), "the service serves on");
    }
  }

  @Test
  void aCallerWithoutTheCodecGetsTheBaseClassWithTheSameFields() throws Exception {
    Vertx callers = TestVertx.create();
    SlackerClient remote = SlackerClient.create(callers);
    try {
      ServiceException quota = ServiceExceptions.failureOf(remote.proxy(StoreService.class, address()).overQuota(7));
      assertEquals(ServiceException.class, quota.getClass());
      assertEquals(429, quota.failureCode());
      assertEquals("over the quota of 7", quota.getMessage());
      assertEquals(new JsonObject().put("limit", 7), quota.getDebugInfo(), "nothing of the encoded subclass is left in it");
    } finally {
      remote.close().await(10, TimeUnit.SECONDS);
      callers.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void closingTheSharedServicesProxyLeavesItsImplementationOpen() throws Exception {
    StoreService closing = slacker("json");
    closing.close();
    Exception afterClose = assertThrows(Exception.class, () -> await(closing.sku(new Sku("A"))));
    assertEquals("Proxy is closed", afterClose.getMessage());
    assertEquals(0, implementation.closed(), "the implementation every caller shares stays open");
    assertEquals(new Sku("A"), await(slacker("json").sku(new Sku("A"))));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(10, TimeUnit.SECONDS);
  }
}
