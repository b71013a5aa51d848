package io.slacker;

import io.slacker.test.EchoServerTestBase;
import io.slacker.test.EchoServices;
import io.slacker.test.EchoServices.HeldCall;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link SlackerServer#state()}: created, listening, draining while a call is in flight, closed. */
class ServerStateTest extends EchoServerTestBase {

  @Test
  void drainingUntilTheCallInFlightEndsThenClosed() throws Exception {
    assertEquals(ServerState.LISTENING, server.state());
    Future<String> call = client.call(EchoServices.HELD, new Object[]{"held"}, toServer());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (service.heldCalls.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    HeldCall held = service.heldCalls.get(0);

    Future<Void> stopped = server.shutdown(10, TimeUnit.SECONDS);
    assertEquals(ServerState.DRAINING, server.state());
    Thread.sleep(200);
    assertFalse(stopped.isComplete(), "the drain waits for the held call");
    assertEquals(ServerState.DRAINING, server.state());

    held.context().runOnContext(v -> held.promise().complete("released"));
    assertEquals("released", call.await(10, TimeUnit.SECONDS));
    stopped.await(10, TimeUnit.SECONDS);
    assertEquals(ServerState.CLOSED, server.state());
  }

  @Test
  void createdBeforeListenAndClosedWhenItCannotBind() throws Exception {
    Vertx other = TestVertx.create();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      SlackerServer blocked = SlackerServer.create(other, new SlackerServerOptions().setHost("127.0.0.1")
          .setPort(taken.getLocalPort()).setEventLoops(1));
      assertEquals(ServerState.CREATED, blocked.state());
      assertThrows(Exception.class, () -> blocked.listen().await(10, TimeUnit.SECONDS));
      assertEquals(ServerState.CLOSED, blocked.state());
    } finally {
      other.close().await(10, TimeUnit.SECONDS);
    }
  }
}
