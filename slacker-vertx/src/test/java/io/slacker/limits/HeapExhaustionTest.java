package io.slacker.limits;

import io.slacker.test.ForkedJvm;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Findings 1 to 4 of issue 12, from the outside: a server with its default options in a forked
 * JVM of 256 MiB heap, attacked over raw sockets. During each attack a bystander is served or
 * cleanly refused with OVERLOADED, never left without a reply; after it, the attacker is gone and
 * a new connection is served. A server that stops reading fails the test by its timeout, as a
 * write to it would block.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HeapExhaustionTest {

  private static final String HEAP = "-Xmx256m";
  private static ForkedJvm server;
  private static int maxFrameSize;
  private final List<RawConnection> attackers = new ArrayList<>();

  @BeforeAll
  static void startServer() throws Exception {
    server = ForkedJvm.start(ForkedLimitsServer.class, List.of(HEAP), "{}");
    try (RawConnection probe = new RawConnection(server.port())) {
      maxFrameSize = LimitFrames.hello(probe);
    }
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @AfterEach
  void attackerLeavesAndANewConnectionIsServed() throws Exception {
    for (RawConnection attacker : attackers) {
      attacker.close();
    }
    assertTrue(server.process().isAlive(), "the server process is up");
    String reply = null;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (reply == null && System.nanoTime() < until) {
      try (RawConnection fresh = new RawConnection(server.port())) {
        ReadFrame frame = fresh.send(LimitFrames.echo(1, "after")).read();
        if (frame.type() == RawFrames.RESPONSE) {
          reply = frame.bodyText();
        } else {
          assertEquals(RawFrames.OVERLOADED, frame.errorCode(), frame::errorMessage);
          Thread.sleep(100);
        }
      }
    }
    assertEquals("\"after\"", reply, "a new connection is served once the attacker is gone");
  }

  private RawConnection attacker() throws IOException {
    RawConnection connection = new RawConnection(server.port());
    attackers.add(connection);
    return connection;
  }

  /** A call from another connection during an attack: served, or refused with OVERLOADED; a silence fails the test. */
  private static void bystanderIsAnswered() throws IOException {
    try (RawConnection bystander = new RawConnection(server.port())) {
      bystander.setReadTimeout(30_000);
      ReadFrame reply = bystander.send(LimitFrames.echo(1, "bystander")).read();
      if (reply.type() != RawFrames.RESPONSE) {
        assertEquals(RawFrames.OVERLOADED, reply.errorCode(), reply::errorMessage);
      }
    }
  }

  /** Finding 1: 8,000 calls in flight on one connection, each with 32 KiB of metadata (250 MiB in all). */
  @Test
  void manyCallsInFlightWithLargeMetadata() throws Exception {
    RawConnection attacker = attacker();
    attacker.setReadTimeout(60_000);
    int calls = 8_000;
    Map<Integer, AtomicInteger> codes = new ConcurrentHashMap<>();
    ExecutorService sender = Executors.newSingleThreadExecutor();
    try {
      Future<?> sent = sender.submit(() -> {
        for (int callId = 1; callId <= calls; callId++) {
          attacker.send(LimitFrames.request(callId, "test.Echo", "never", 1, 8, 32 * 1024, RawFrames.json("[]")));
        }
        attacker.send(RawFrames.frame(RawFrames.PING, 0, 0, -1, new byte[0]));
        return null;
      });
      // Every request is either held (no reply: never() does not return) or refused; the PONG comes after them all.
      ReadFrame frame;
      while ((frame = attacker.read()).type() != RawFrames.PONG) {
        codes.computeIfAbsent(frame.errorCode(), c -> new AtomicInteger()).incrementAndGet();
      }
      sent.get(60, TimeUnit.SECONDS);
    } finally {
      sender.shutdownNow();
    }
    assertEquals(Set.of(RawFrames.OVERLOADED), codes.keySet(), "every reply is OVERLOADED: " + codes);
    int held = calls - codes.get(RawFrames.OVERLOADED).get();
    assertTrue(held > 100 && held < 1_000, held + " calls held in flight");
    bystanderIsAnswered();
  }

  /** Finding 1, second form: a call with 16 MiB of metadata, and calls with metadata just under the frame size. */
  @Test
  void hugeMetadataPerCall() throws Exception {
    RawConnection tooLarge = attacker();
    byte[] huge = LimitFrames.request(1, "test.Echo", "never", 1, 8, 16 * 1024 * 1024, RawFrames.json("[]"));
    Thread sender = new Thread(() -> {
      try {
        tooLarge.send(huge);
      } catch (IOException expected) {
        // The server closes the connection after the length: the rest of the frame cannot be written.
      }
    });
    sender.start();
    ReadFrame refused = tooLarge.read();
    sender.join(10_000);
    assertEquals(0, refused.callId());
    assertEquals(RawFrames.PROTOCOL_ERROR, refused.errorCode());
    assertTrue(refused.errorMessage().contains("exceeds the maximum frame size"), refused.errorMessage());

    for (int i = 0; i < 16; i++) {
      RawConnection attacker = attacker();
      attacker.setReadTimeout(30_000);
      attacker.send(LimitFrames.request(1, "test.Echo", "never", 1, 8, maxFrameSize - 1024, RawFrames.json("[]")));
      ReadFrame reply = attacker.read();
      assertEquals(RawFrames.ERROR, reply.type());
      assertTrue(reply.errorCode() == RawFrames.BAD_REQUEST || reply.errorCode() == RawFrames.OVERLOADED, reply::errorMessage);
    }
    bystanderIsAnswered();
  }

  /** Finding 2: 20 connections each send a frame's length and all but 1 KiB of its body, then nothing. */
  @Test
  void unfinishedFrames() throws Exception {
    int overloaded = 0;
    for (int i = 0; i < 20; i++) {
      RawConnection attacker = attacker();
      byte[] request = LimitFrames.request(1, "test.Echo", "never", 1, 8, maxFrameSize - 1024, RawFrames.json("[]"));
      attacker.send(Arrays.copyOf(request, request.length - 1024));
      attacker.setReadTimeout(300);
      try {
        ReadFrame reply = attacker.read();
        assertEquals(RawFrames.OVERLOADED, reply.errorCode(), reply::errorMessage);
        overloaded++;
      } catch (java.net.SocketTimeoutException admittedAndWaiting) {
        // Held within the budget until the frame completes, times out, or the connection closes.
      }
    }
    assertTrue(overloaded >= 10, overloaded + " of 20 unfinished frames refused");
    bystanderIsAnswered();
  }

  /** Finding 3: six concurrent valid JSON requests, each a list of ints filling the maximum frame. */
  @Test
  void concurrentLargeValidRequests() throws Exception {
    int callers = 6;
    byte[] request = LimitFrames.sumOfOnes(1, maxFrameSize);
    List<RawConnection> connections = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      RawConnection attacker = attacker();
      attacker.setReadTimeout(60_000);
      connections.add(attacker);
    }
    ExecutorService senders = Executors.newFixedThreadPool(callers);
    try {
      List<Future<ReadFrame>> replies = new ArrayList<>();
      for (RawConnection connection : connections) {
        replies.add(senders.submit(() -> connection.send(request).read()));
      }
      bystanderIsAnswered();
      int served = 0;
      for (Future<ReadFrame> future : replies) {
        ReadFrame reply = future.get(90, TimeUnit.SECONDS);
        if (reply.type() == RawFrames.RESPONSE) {
          assertEquals(String.valueOf(LimitFrames.onesIn(maxFrameSize)), reply.bodyText());
          served++;
        } else {
          assertEquals(RawFrames.OVERLOADED, reply.errorCode(), reply::errorMessage);
        }
      }
      assertTrue(served >= 1, "some of the large requests were served, the rest refused: " + served);
    } finally {
      senders.shutdownNow();
    }
  }
}
