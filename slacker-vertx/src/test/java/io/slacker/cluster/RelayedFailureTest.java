package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerException;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.StatusCode;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A service that passes on the failure of its own downstream call: the failure reaches its
 * caller as the application's, so the caller neither runs the call again elsewhere nor takes
 * the healthy servers that relayed it out of rotation.
 */
class RelayedFailureTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static final String RELAY = "test.Relay";
  private static final String DOWNSTREAM = "test.Downstream";
  private static final MethodDescriptor RECORD = MethodDescriptor.builder(RELAY, "record")
      .parameterTypes(String.class).returnType(String.class).build();
  private static final MethodDescriptor LOOKUP = MethodDescriptor.builder(DOWNSTREAM, "lookup")
      .parameterTypes(String.class).returnType(String.class).build();

  private final Vertx vertx = TestVertx.create();
  private final AtomicInteger sideEffects = new AtomicInteger();
  private final List<SlackerServer> servers = new ArrayList<>();
  private Socket deadDownstream;
  private SlackerClient downstreamClient;
  private SlackerClient client;

  @BeforeEach
  void start() throws Exception {
    // A bound socket that does not listen: the downstream service is dead, its connects refused.
    deadDownstream = new Socket();
    deadDownstream.bind(new InetSocketAddress("127.0.0.1", 0));
    downstreamClient = SlackerClient.create(vertx, new SlackerClientOptions(), StaticDiscovery.create(vertx, new JsonObject()
        .put(DOWNSTREAM, new JsonArray().add("127.0.0.1:" + deadDownstream.getLocalPort()))));
    JsonArray relays = new JsonArray();
    for (int i = 0; i < 2; i++) {
      SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
          .register(relayService());
      Await.result(server.listen());
      servers.add(server);
      relays.add("127.0.0.1:" + server.actualPort());
    }
    client = SlackerClient.create(vertx, new SlackerClientOptions(),
        StaticDiscovery.create(vertx, new JsonObject().put(RELAY, relays)));
  }

  /** A non-idempotent method with a side effect, which then relays its downstream call's outcome. */
  private ServiceDefinition relayService() {
    return ServiceDefinition.builder(RELAY)
        .method(RECORD, args -> {
          sideEffects.incrementAndGet();
          return downstreamClient.call(LOOKUP, args, new CallOptions());
        })
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(client.close());
    Await.result(downstreamClient.close());
    for (SlackerServer server : servers) {
      Await.result(server.close());
    }
    deadDownstream.close();
    Await.result(vertx.close());
  }

  @Test
  void aRelayedUnavailableRunsTheCallOnceAndEjectsNoServer() throws Exception {
    for (int call = 1; call <= 4; call++) {
      Throwable failure = Await.failure(client.call(RECORD, new Object[]{"order-" + call}, new CallOptions()));
      SlackerException error = assertInstanceOf(SlackerException.class, failure);
      assertEquals(StatusCode.APPLICATION_ERROR, error.code(), error.toString());
      assertEquals(StatusCode.UNAVAILABLE, error.relayedCode(), "the downstream code stays visible");
      assertEquals(call, sideEffects.get(), "the side effect ran once per call, never again elsewhere");
    }
    List<SocketAddress> inRotation = Await.result(client.servers(RELAY)).stream().map(ServerInstance::address).toList();
    System.out.printf("figures: relayed UNAVAILABLE: 4 calls, side effect ran %d times, %d of 2 servers in rotation%n",
        sideEffects.get(), inRotation.size());
    assertEquals(2, inRotation.size(), "both relaying servers stay in rotation: " + inRotation);
  }

  @Test
  void aMethodsOwnApplicationFailureHasNoRelayedCode() throws Exception {
    SlackerServer plain = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(ServiceDefinition.builder(DOWNSTREAM)
            .method(LOOKUP, args -> Future.failedFuture(new IllegalStateException("no " + args[0])))
            .build());
    Await.result(plain.listen());
    servers.add(plain);
    SlackerClient direct = SlackerClient.create(vertx);
    SlackerException error = assertInstanceOf(SlackerException.class, Await.failure(direct.call(LOOKUP, new Object[]{"x"},
        new CallOptions().setServer(SocketAddress.inetSocketAddress(plain.actualPort(), "127.0.0.1")))));
    Await.result(direct.close());
    assertEquals(StatusCode.APPLICATION_ERROR, error.code());
    assertEquals(IllegalStateException.class.getName(), error.remoteClass());
    assertNull(error.relayedCode());
  }
}
