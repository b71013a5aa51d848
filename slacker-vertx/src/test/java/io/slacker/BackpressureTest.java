package io.slacker;

import io.slacker.test.EchoServerTestBase;
import io.slacker.test.EchoServices;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that sends and does not read makes the server stop reading, not buffer without bound. */
class BackpressureTest extends EchoServerTestBase {

  private static final int CALLS = 10_000;
  private static final int RESPONSE_BYTES = 16 * 1024;

  @Test
  void aClientThatDoesNotReadIsThrottledAndLosesNothing() throws Exception {
    ByteArrayOutputStream requests = new ByteArrayOutputStream();
    for (int id = 1; id <= CALLS; id++) {
      requests.write(RawFrames.request(id, RawFrames.JSON, 0, EchoServices.NAME, "blob(int)",
          RawFrames.json("[" + RESPONSE_BYTES + "]")));
    }
    try (RawConnection raw = new RawConnection(port)) {
      // A separate writer: once the server stops reading, this write blocks until we read.
      CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
        try {
          raw.send(requests.toByteArray());
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      int handled = blobCallsOnceStable(1);
      assertTrue(handled < CALLS / 2, "the server handled " + handled + " of " + CALLS
          + " calls whose responses nobody read; it should have stopped reading");
      for (int id = 1; id <= CALLS; id++) {
        ReadFrame response = raw.read();
        assertEquals(RawFrames.RESPONSE, response.type());
        assertEquals(id, response.callId());
      }
      sent.get(10, TimeUnit.SECONDS);
    }
    assertEquals(CALLS, service.blobCalls.get());
    assertServerStillServes();
  }
}
