package io.slacker;

import io.slacker.test.EchoServerTestBase;
import io.slacker.test.EchoServices;
import io.slacker.test.EchoServices.HeldCall;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Responses completed together outside a read leave in one flush per event-loop turn: they must
 * still arrive whole and in the order they were written, and still fill the write queue that
 * makes the server stop reading from a client that does not read.
 */
class CoalescedWritesTest extends EchoServerTestBase {

  private static byte[] heldRequests(int calls) {
    ByteArrayOutputStream requests = new ByteArrayOutputStream();
    for (int id = 1; id <= calls; id++) {
      requests.writeBytes(RawFrames.request(id, RawFrames.JSON, 0, EchoServices.NAME, "held(java.lang.String)",
          RawFrames.json("[\"call " + id + "\"]")));
    }
    return requests.toByteArray();
  }

  /** Waits (bounded) until {@code calls} calls are held, then answers them all in one task, the last first. */
  private void answerAllInOneTurnLastFirst(int calls, int padding) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (service.heldCalls.size() < calls && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    List<HeldCall> held = service.heldCalls;
    assertEquals(calls, held.size(), "every request reached the method");
    CompletableFuture<Void> answered = new CompletableFuture<>();
    held.get(0).context().runOnContext(v -> {
      for (int i = held.size() - 1; i >= 0; i--) {
        held.get(i).promise().complete(held.get(i).text() + " " + "x".repeat(padding));
      }
      answered.complete(null);
    });
    answered.get(10, TimeUnit.SECONDS);
  }

  private static void assertAnsweredLastFirst(RawConnection raw, int calls, int padding) throws Exception {
    for (int id = calls; id >= 1; id--) {
      ReadFrame response = raw.read();
      assertEquals(RawFrames.RESPONSE, response.type());
      assertEquals(id, response.callId(), "responses arrive in the order they were completed");
      assertEquals("\"call " + id + " " + "x".repeat(padding) + "\"", response.bodyText());
    }
  }

  @Test
  void responsesCompletedInOneTurnArriveWholeAndInOrder() throws Exception {
    int calls = 500;
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(heldRequests(calls));
      answerAllInOneTurnLastFirst(calls, 300);
      assertAnsweredLastFirst(raw, calls, 300);
    }
    assertServerStillServes();
  }

  @Test
  void responsesCompletedInOneTurnStillPauseAClientThatDoesNotRead() throws Exception {
    int held = 64;
    int padding = 64 * 1024;
    int more = 4_000;
    ByteArrayOutputStream requests = new ByteArrayOutputStream();
    for (int id = held + 1; id <= held + more; id++) {
      requests.writeBytes(RawFrames.request(id, RawFrames.JSON, 0, EchoServices.NAME, "blob(int)", RawFrames.json("[16]")));
    }
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(heldRequests(held));
      // 4 MB of responses in one turn, to a client that reads nothing yet.
      answerAllInOneTurnLastFirst(held, padding);
      CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
        try {
          raw.send(requests.toByteArray());
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      int handled = blobCallsOnceStable(0);
      assertTrue(handled < more / 2, "the server handled " + handled + " of " + more
          + " calls behind responses nobody read; it should have stopped reading");

      assertAnsweredLastFirst(raw, held, padding);
      for (int id = held + 1; id <= held + more; id++) {
        ReadFrame response = raw.read();
        assertEquals(RawFrames.RESPONSE, response.type());
        assertEquals(id, response.callId());
      }
      sent.get(10, TimeUnit.SECONDS);
    }
    assertEquals(more, service.blobCalls.get());
    assertServerStillServes();
  }
}
