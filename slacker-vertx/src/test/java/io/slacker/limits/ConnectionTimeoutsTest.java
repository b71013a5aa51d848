package io.slacker.limits;

import io.slacker.CallOptions;
import io.slacker.ServerLimitsOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerServerOptions;
import io.slacker.cluster.StaticDiscovery;
import io.slacker.test.EchoServerTestBase;
import io.slacker.test.EchoServices;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three connection timeouts, each seen from a raw socket, and the official client across an idle close. */
class ConnectionTimeoutsTest extends EchoServerTestBase {

  private static final long HANDSHAKE_MILLIS = 300;
  private static final long FRAME_MILLIS = 300;
  private static final long IDLE_MILLIS = 600;

  @Override
  protected SlackerServerOptions serverOptions() {
    return new SlackerServerOptions().setGoawayLingerMillis(200).setLimits(new ServerLimitsOptions()
        .setHandshakeTimeoutMillis(HANDSHAKE_MILLIS)
        .setFrameTimeoutMillis(FRAME_MILLIS)
        .setIdleTimeoutMillis(IDLE_MILLIS));
  }

  @Test
  void aConnectionThatSendsNothingIsClosed() throws Exception {
    try (RawConnection silent = new RawConnection(port)) {
      ReadFrame error = silent.read();
      assertEquals(RawFrames.ERROR, error.type());
      assertEquals(0, error.callId());
      assertEquals(RawFrames.PROTOCOL_ERROR, error.errorCode());
      assertEquals("no frame arrived within the handshake timeout of 300 ms", error.errorMessage());
      assertTrue(silent.closedByPeer());
    }
    assertServerStillServes();
  }

  @Test
  void aFrameStartedAndNotFinishedClosesTheConnection() throws Exception {
    try (RawConnection slow = new RawConnection(port)) {
      slow.send(RawFrames.hello());
      assertEquals(RawFrames.HELLO, slow.read().type());
      byte[] request = LimitFrames.echo(1, "never finished");
      slow.send(Arrays.copyOf(request, request.length - 3));
      ReadFrame error = slow.read();
      assertEquals(RawFrames.ERROR, error.type());
      assertEquals(0, error.callId());
      assertEquals(RawFrames.PROTOCOL_ERROR, error.errorCode());
      assertEquals("a frame was not completed within the frame timeout of 300 ms", error.errorMessage());
      assertTrue(slow.closedByPeer());
    }
    assertServerStillServes();
  }

  @Test
  void aFrameThatKeepsArrivingSlowlyButCompletesInTimeIsServed() throws Exception {
    try (RawConnection slow = new RawConnection(port)) {
      byte[] request = LimitFrames.echo(1, "slow but in time");
      int half = request.length / 2;
      slow.send(Arrays.copyOf(request, half));
      Thread.sleep(FRAME_MILLIS / 3);
      slow.send(Arrays.copyOfRange(request, half, request.length));
      ReadFrame reply = slow.read();
      assertEquals(RawFrames.RESPONSE, reply.type());
      assertEquals(1, reply.callId());
    }
  }

  @Test
  void anIdleConnectionIsToldGoawayThenClosedButNotOneWithACallInFlight() throws Exception {
    try (RawConnection idle = new RawConnection(port); RawConnection busy = new RawConnection(port)) {
      idle.send(RawFrames.hello());
      busy.send(RawFrames.hello());
      assertEquals(RawFrames.HELLO, idle.read().type());
      assertEquals(RawFrames.HELLO, busy.read().type());
      busy.send(LimitFrames.request(1, EchoServices.NAME, "never", 0, 0, 0, RawFrames.json("[]")));

      idle.setReadTimeout((int) (IDLE_MILLIS * 10));
      ReadFrame goaway = idle.read();
      assertEquals(RawFrames.GOAWAY, goaway.type());
      assertTrue(idle.closedByPeer(), "closed after the linger");

      // Pings are not calls: they do not keep a connection open, and the call in flight does.
      busy.send(RawFrames.frame(RawFrames.PING, 0, 0, 9, new byte[0]));
      assertEquals(RawFrames.PONG, busy.read().type());
      busy.setReadTimeout((int) IDLE_MILLIS);
      assertFalse(busy.closedByPeer(), "a connection with a call in flight is not idle");
      busy.setReadTimeout((int) (IDLE_MILLIS * 10));
      busy.send(RawFrames.frame(RawFrames.CANCEL, 0, 0, 1, new byte[0]));
      assertEquals(RawFrames.GOAWAY, busy.read().type(), "idle once its call was cancelled");
    }
    assertServerStillServes();
  }

  @Test
  void aClientWhoseIdleConnectionWasClosedSucceedsOnItsNextCall() throws Exception {
    List<SocketAddress> callers = new CopyOnWriteArrayList<>();
    server.addInterceptor((call, next) -> {
      callers.add(call.remoteAddress());
      return next.proceed();
    });
    assertEquals("first", client.call(EchoServices.ECHO, new Object[]{"first"}, toServer()).await(5, TimeUnit.SECONDS));
    Thread.sleep(IDLE_MILLIS + 200 + 500);
    assertEquals("second", client.call(EchoServices.ECHO, new Object[]{"second"}, toServer()).await(5, TimeUnit.SECONDS));
    assertEquals(2, callers.size());
    assertNotEquals(callers.get(0), callers.get(1), "the second call came on a new connection: the first was closed as idle");
  }

  @Test
  void anIdleCloseDoesNotTakeTheServerOutOfAClusterClientsRotation() throws Exception {
    SlackerClient clustered = SlackerClient.create(vertx, new SlackerClientOptions(), StaticDiscovery.create(vertx,
        new JsonObject().put(EchoServices.NAME, new JsonArray().add("127.0.0.1:" + port))));
    try {
      assertEquals("routed", clustered.call(EchoServices.ECHO, new Object[]{"routed"}, new CallOptions())
          .await(5, TimeUnit.SECONDS));
      // Watch the rotation through the idle close and a while after it: an ejection would show for 100 ms at least.
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS * 3);
      while (System.nanoTime() < until) {
        assertEquals(1, clustered.servers(EchoServices.NAME).await(5, TimeUnit.SECONDS).size(), "the server stays in rotation");
        Thread.sleep(10);
      }
      assertEquals("again", clustered.call(EchoServices.ECHO, new Object[]{"again"}, new CallOptions())
          .await(5, TimeUnit.SECONDS));
    } finally {
      clustered.close().await(5, TimeUnit.SECONDS);
    }
  }
}
