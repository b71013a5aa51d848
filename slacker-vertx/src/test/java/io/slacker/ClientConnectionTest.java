package io.slacker;

import io.slacker.NotSentException;
import io.slacker.test.EchoServerTestBase;
import io.slacker.test.EchoServices;
import io.slacker.test.RawFrames;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the client treats its connections: limits, drops, keep-alive, cancel and reconnects. */
class ClientConnectionTest extends EchoServerTestBase {

  private SlackerException failureOf(Future<?> call) {
    return assertThrows(SlackerException.class, () -> call.await(10, TimeUnit.SECONDS));
  }

  @Test
  void pastTheInFlightLimitACallFailsFastWithOverloaded() throws Exception {
    SlackerClient limited = SlackerClient.create(vertx, new SlackerClientOptions().setMaxCallsInFlight(2));
    try {
      Future<Object> first = limited.call(EchoServices.NEVER, new Object[0], toServer().setTimeoutMillis(5_000));
      Future<Object> second = limited.call(EchoServices.NEVER, new Object[0], toServer().setTimeoutMillis(5_000));
      SlackerException third = failureOf(limited.call(EchoServices.ECHO, new Object[]{"x"}, toServer()));
      assertEquals(StatusCode.OVERLOADED, third.code());
      assertEquals("2 calls already in flight on the connection to " + address, third.getMessage());
      assertTrue(!first.isComplete() && !second.isComplete());
    } finally {
      limited.close().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aDroppedConnectionFailsEveryPendingCallAtOnce() throws Exception {
    Future<Object> pending = client.call(EchoServices.NEVER, new Object[0], toServer().setTimeoutMillis(30_000));
    Future<Object> other = client.call(EchoServices.NEVER, new Object[0], toServer().setTimeoutMillis(30_000));
    long deadline = System.currentTimeMillis() + 5_000;
    while (service.neverCalls.size() < 2 && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    long start = System.nanoTime();
    server.close().await(5, TimeUnit.SECONDS);
    SlackerException error = failureOf(pending);
    assertEquals(StatusCode.UNAVAILABLE, error.code());
    assertEquals("the connection to " + address + " closed", error.getMessage());
    assertEquals(StatusCode.UNAVAILABLE, failureOf(other).code());
    assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 5, "failed long before the 30 s timeout");
  }

  @Test
  void aFailedConnectIsUnavailableAndRetriedAfterABackoff() throws Exception {
    SlackerClient backingOff = SlackerClient.create(vertx, new SlackerClientOptions()
        .setReconnectBackoffInitialMillis(300).setReconnectBackoffMaxMillis(300));
    SocketAddress nowhere;
    CallOptions options;
    try (Socket holder = new Socket()) {
      // A bound socket that does not listen: connects to its port are refused, and the kernel
      // cannot hand the port out as the source of a connect, which would connect to itself.
      holder.bind(new InetSocketAddress("127.0.0.1", 0));
      nowhere = SocketAddress.inetSocketAddress(holder.getLocalPort(), "127.0.0.1");
      options = new CallOptions().setServer(nowhere);
      SlackerException refused = failureOf(backingOff.call(EchoServices.ECHO, new Object[]{"x"}, options));
      assertEquals(StatusCode.UNAVAILABLE, refused.code());
      assertTrue(refused.getMessage().startsWith("cannot connect to " + nowhere), refused.getMessage());
      SlackerException waiting = failureOf(backingOff.call(EchoServices.ECHO, new Object[]{"x"}, options));
      assertEquals(StatusCode.UNAVAILABLE, waiting.code());
      assertTrue(waiting.getMessage().contains("1 failed attempt") && waiting.getMessage().contains("next attempt in"),
          waiting.getMessage());
    }
    SlackerServer late = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(nowhere.port()))
        .register(new EchoServices().definition());
    late.listen().await(5, TimeUnit.SECONDS);
    try {
      Thread.sleep(400);
      assertEquals("back", backingOff.call(EchoServices.ECHO, new Object[]{"back"}, options).await(5, TimeUnit.SECONDS));
    } finally {
      late.close().await(5, TimeUnit.SECONDS);
      backingOff.close().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void anIdleConnectionWithoutPongsIsClosed() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      SlackerClient pinging = SlackerClient.create(vertx, new SlackerClientOptions()
          .setKeepAliveIntervalMillis(100).setKeepAliveTimeoutMillis(200));
      try {
        SlackerException error = failureOf(pinging.call(EchoServices.ECHO, new Object[]{"x"},
            new CallOptions().setServer(silent.address()).setTimeoutMillis(20_000)));
        assertEquals(StatusCode.UNAVAILABLE, error.code());
        assertEquals(silent.address() + " did not answer a ping within 200 ms", error.getMessage());
        assertTrue(silent.frameTypes.contains(RawFrames.PING));
      } finally {
        pinging.close().await(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aTimedOutCallSendsACancelFrameToTheServer() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      SlackerException error = failureOf(client.call(EchoServices.ECHO, new Object[]{"x"},
          new CallOptions().setServer(silent.address()).setTimeoutMillis(1_000)));
      assertEquals(StatusCode.DEADLINE_EXCEEDED, error.code());
      long deadline = System.currentTimeMillis() + 5_000;
      while (!silent.frameTypes.contains(RawFrames.CANCEL) && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(List.of(RawFrames.HELLO, RawFrames.REQUEST, RawFrames.CANCEL), silent.frameTypes);
      assertEquals(silent.requestCallId.get(1, TimeUnit.SECONDS), silent.cancelCallId.get(1, TimeUnit.SECONDS));
      assertEquals(1_000, silent.requestTimeout.get(1, TimeUnit.SECONDS));
    }
  }

  @Test
  void gracefulShutdownFinishesCallsInFlightAndRefusesNewOnes() throws Exception {
    Future<Long> inFlight = client.call(EchoServices.SLEEP, new Object[]{500L}, toServer());
    Thread.sleep(100);
    Future<Void> stopped = server.shutdown(5, TimeUnit.SECONDS);
    assertEquals(500L, inFlight.await(5, TimeUnit.SECONDS));
    stopped.await(5, TimeUnit.SECONDS);
    SlackerException after = failureOf(client.call(EchoServices.ECHO, new Object[]{"x"}, toServer()));
    assertEquals(StatusCode.UNAVAILABLE, after.code());
  }

  @Test
  void frameLimitsAreEnforcedAgainstThePeersAnnouncedMaximum() throws Exception {
    SlackerClient smallFrames = SlackerClient.create(vertx, new SlackerClientOptions().setMaxFrameSize(1024));
    SlackerServer strict = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0)
        .setMaxFrameSize(512)).register(new EchoServices().definition());
    strict.listen().await(5, TimeUnit.SECONDS);
    try {
      SlackerException tooBigResult = failureOf(smallFrames.call(EchoServices.BLOB, new Object[]{4096}, toServer()));
      assertEquals(StatusCode.INTERNAL, tooBigResult.code());
      assertTrue(tooBigResult.getMessage().startsWith("the result of test.Echo#blob(int) is ")
          && tooBigResult.getMessage().endsWith(" bytes, over the client's maximum frame size of 1024"), tooBigResult.getMessage());
      assertEquals("same connection", smallFrames.call(EchoServices.ECHO, new Object[]{"same connection"}, toServer())
          .await(5, TimeUnit.SECONDS));

      CallOptions toStrict = new CallOptions().setServer(SocketAddress.inetSocketAddress(strict.actualPort(), "127.0.0.1"));
      assertEquals("hi", client.call(EchoServices.ECHO, new Object[]{"hi"}, toStrict).await(5, TimeUnit.SECONDS));
      SlackerException tooBigRequest = failureOf(client.call(EchoServices.ECHO, new Object[]{"x".repeat(600)}, toStrict));
      assertEquals(StatusCode.BAD_REQUEST, tooBigRequest.code());
      assertTrue(tooBigRequest.getMessage().endsWith(" bytes, over the maximum frame size of 512"), tooBigRequest.getMessage());
    } finally {
      smallFrames.close().await(5, TimeUnit.SECONDS);
      strict.close().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aCallFromAVerticleThatIsGoneStillTimesOutAndCancels() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      CompletableFuture<Future<Object>> call = new CompletableFuture<>();
      String deployment = vertx.deployVerticle(new AbstractVerticle() {
        @Override
        public void start() {
          call.complete(client.call(EchoServices.ECHO, new Object[]{"x"},
              new CallOptions().setServer(silent.address()).setTimeoutMillis(500)));
        }
      }).await(5, TimeUnit.SECONDS);
      vertx.undeploy(deployment).await(5, TimeUnit.SECONDS);
      // The call's timer is the connection's, not the calling verticle's: undeploying does not stop it.
      SlackerException error = failureOf(call.get(5, TimeUnit.SECONDS));
      assertEquals(StatusCode.DEADLINE_EXCEEDED, error.code());
      long deadline = System.currentTimeMillis() + 5_000;
      while (!silent.frameTypes.contains(RawFrames.CANCEL) && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(silent.frameTypes.contains(RawFrames.CANCEL), "cancel sent: " + silent.frameTypes);
    }
  }

  @Test
  void oneWayCallsToAServerThatStopsReadingAreRefusedOnceTheWriteQueueIsFull() throws Exception {
    try (SilentServer notReading = new SilentServer(false)) {
      CallOptions options = new CallOptions().setServer(notReading.address());
      assertEquals(null, client.call(EchoServices.NOTIFY, new Object[]{"hello"}, options).await(5, TimeUnit.SECONDS));
      String payload = "x".repeat(64 * 1024);
      List<Future<Object>> calls = new ArrayList<>();
      SlackerException refused = null;
      // Bounded: the kernel's socket buffers take a few MiB, the write queue little more.
      for (int i = 0; i < 1_000 && refused == null; i++) {
        calls.add(client.call(EchoServices.NOTIFY, new Object[]{payload}, options));
        if (i % 50 == 49) {
          Thread.sleep(20);
          refused = calls.stream().filter(Future::failed).map(f -> (SlackerException) f.cause()).findFirst().orElse(null);
        }
      }
      assertNotNull(refused, "a one-way call was refused before 1,000 of 64 KiB were buffered");
      assertInstanceOf(NotSentException.class, refused);
      assertEquals(StatusCode.OVERLOADED, refused.code());
      assertEquals("the write queue to " + notReading.address() + " is full (the server is not reading); the call was not sent",
          refused.getMessage());
    }
    assertServerStillServes();
  }

  @Test
  void aServerRepeatingItsHelloStartsNoExtraKeepAlive() throws Exception {
    try (SilentServer chatty = new SilentServer(true, 5)) {
      SlackerClient pinging = SlackerClient.create(vertx, new SlackerClientOptions().setKeepAliveIntervalMillis(100));
      try {
        pinging.call(EchoServices.NOTIFY, new Object[]{"x"}, new CallOptions().setServer(chatty.address()))
            .await(5, TimeUnit.SECONDS);
        Thread.sleep(1_000);
        // One keep-alive timer pings about 10 times a second; one per HELLO would ping about 50.
        assertTrue(chatty.pings.get() <= 15, chatty.pings.get() + " pings in 1 s");
        assertTrue(chatty.pings.get() >= 3, chatty.pings.get() + " pings in 1 s");
      } finally {
        pinging.close().await(5, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * A server that answers the handshake and then never answers a call, recording the frames it
   * receives: it lets tests watch the client's pings and cancels. It can repeat its HELLO, answer
   * pings, or stop reading after the handshake.
   */
  private static final class SilentServer implements AutoCloseable {
    final List<Integer> frameTypes = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> requestCallId = new CompletableFuture<>();
    final CompletableFuture<Integer> cancelCallId = new CompletableFuture<>();
    final CompletableFuture<Long> requestTimeout = new CompletableFuture<>();
    final AtomicInteger pings = new AtomicInteger();
    private final boolean reading;
    private final int hellos;
    private final ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
    private final Thread thread = new Thread(this::serve, "silent-server");
    private volatile Socket accepted;

    SilentServer() throws Exception {
      this(true, 1);
    }

    /** @param reading false: stop reading right after the first request; pongs are then sent for pings */
    SilentServer(boolean reading) throws Exception {
      this(reading, 1);
    }

    /** @param hellos how many HELLOs to answer the client's with; more than one also answers pings */
    SilentServer(boolean reading, int hellos) throws Exception {
      this.reading = reading;
      this.hellos = hellos;
      thread.setDaemon(true);
      thread.start();
    }

    SocketAddress address() {
      return SocketAddress.inetSocketAddress(listener.getLocalPort(), "127.0.0.1");
    }

    private void serve() {
      try (Socket socket = listener.accept()) {
        accepted = socket;
        socket.setSoTimeout(10_000);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        while (true) {
          byte[] frame = new byte[in.readInt()];
          in.readFully(frame);
          int type = frame[2];
          int callId = ((frame[5] & 0xFF) << 24) | ((frame[6] & 0xFF) << 16) | ((frame[7] & 0xFF) << 8) | (frame[8] & 0xFF);
          if (type != RawFrames.PING || !frameTypes.contains(RawFrames.PING)) {
            frameTypes.add(type);
          }
          if (type == RawFrames.HELLO) {
            for (int i = 0; i < hellos; i++) {
              out.write(RawFrames.hello());
            }
          } else if (type == RawFrames.PING) {
            pings.incrementAndGet();
            if (hellos > 1) {
              out.write(RawFrames.frame(RawFrames.PONG, 0, 0, callId, new byte[0]));
            }
          } else if (type == RawFrames.REQUEST) {
            requestCallId.complete(callId);
            requestTimeout.complete(((frame[9] & 0xFFL) << 24) | ((frame[10] & 0xFF) << 16) | ((frame[11] & 0xFF) << 8) | (frame[12] & 0xFF));
            if (!reading) {
              // Hold the connection open and read nothing more, as a stuck server does.
              Thread.sleep(10_000);
            }
          } else if (type == RawFrames.CANCEL) {
            cancelCallId.complete(callId);
          }
        }
      } catch (Exception e) {
        // The client closed the connection or the test ended.
      }
    }

    @Override
    public void close() throws Exception {
      listener.close();
      if (accepted != null) {
        accepted.close();
      }
      thread.interrupt();
      thread.join(5_000);
    }
  }
}
