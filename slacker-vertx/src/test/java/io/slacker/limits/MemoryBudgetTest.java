package io.slacker.limits;

import io.slacker.ServerLimitsOptions;
import io.slacker.SlackerServerOptions;
import io.slacker.test.EchoServerTestBase;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory budgets over raw sockets: a request that does not fit is answered OVERLOADED and its
 * body skipped, the connection goes on, and what a call held comes back when it ends.
 */
class MemoryBudgetTest extends EchoServerTestBase {

  /** A {@code never()} request of about 60 KiB (metadata): charged about 480 KiB, so two fit a connection. */
  private static final int HOLDING_VALUE_BYTES = 60 * 1024;

  @Override
  protected SlackerServerOptions serverOptions() {
    return new SlackerServerOptions().setMaxFrameSize(64 * 1024).setLimits(new ServerLimitsOptions()
        .setMaxConnectionMemory(1024 * 1024)
        .setMaxServerMemory(2 * 1024 * 1024)
        .setMaxMetadataBytes(62 * 1024)
        .setMaxMetadataEntries(4)
        .setMaxMetadataKeyBytes(16));
  }

  private static byte[] holding(int callId) {
    return LimitFrames.request(callId, "test.Echo", "never", 1, 8, HOLDING_VALUE_BYTES, "[]".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aRequestOverTheConnectionBudgetIsOverloadedUntilACallEnds() throws Exception {
    try (RawConnection connection = new RawConnection(port)) {
      connection.send(holding(1)).send(holding(2)).send(holding(3)).send(LimitFrames.echo(4, "after"));
      ReadFrame refused = connection.read();
      assertEquals(RawFrames.ERROR, refused.type());
      assertEquals(3, refused.callId());
      assertEquals(RawFrames.OVERLOADED, refused.errorCode());
      assertTrue(refused.errorMessage().contains("this connection holds"), refused.errorMessage());
      assertTrue(refused.errorMessage().endsWith("the call was not run"), refused.errorMessage());
      // The refused body was skipped, not misread: the next frame on the connection is served.
      ReadFrame echoed = connection.read();
      assertEquals(RawFrames.RESPONSE, echoed.type());
      assertEquals(4, echoed.callId());

      connection.send(RawFrames.frame(RawFrames.CANCEL, 0, 0, 1, new byte[0])).send(holding(5)).send(LimitFrames.echo(6, "x"));
      ReadFrame afterCancel = connection.read();
      assertEquals(6, afterCancel.callId(), "call 5 fits once call 1 is cancelled, and stays in flight");
      assertEquals(RawFrames.RESPONSE, afterCancel.type());
    }
    assertServerStillServes();
  }

  @Test
  void theServerBudgetIsSharedByConnectionsAndFreedWhenOneCloses() throws Exception {
    try (RawConnection first = new RawConnection(port); RawConnection second = new RawConnection(port)) {
      first.send(holding(1)).send(holding(2)).send(LimitFrames.echo(3, "first"));
      assertEquals(3, first.read().callId());
      second.send(holding(1)).send(holding(2)).send(LimitFrames.echo(3, "second"));
      assertEquals(3, second.read().callId());
      try (RawConnection third = new RawConnection(port)) {
        third.send(holding(1));
        ReadFrame refused = third.read();
        assertEquals(RawFrames.OVERLOADED, refused.errorCode());
        assertTrue(refused.errorMessage().contains("the server holds"), refused.errorMessage());
        first.close();
        ReadFrame served = null;
        for (int attempt = 2; attempt < 200 && served == null; attempt++) {
          third.send(LimitFrames.echo(attempt, "third"));
          ReadFrame reply = third.read();
          if (reply.type() == RawFrames.RESPONSE) {
            served = reply;
          } else {
            assertEquals(RawFrames.OVERLOADED, reply.errorCode());
            Thread.sleep(20);
          }
        }
        assertTrue(served != null, "the budget the closed connection held came back");
      }
    }
    assertServerStillServes();
  }

  @Test
  void aLargeFrameOtherThanARequestThatDoesNotFitClosesTheConnection() throws Exception {
    try (RawConnection connection = new RawConnection(port)) {
      connection.send(holding(1)).send(holding(2)).send(LimitFrames.echo(3, "x"));
      assertEquals(3, connection.read().callId());
      connection.send(RawFrames.frame(RawFrames.PING, 0, 0, 7, new byte[8 * 1024]));
      ReadFrame error = connection.read();
      assertEquals(RawFrames.ERROR, error.type());
      assertEquals(0, error.callId());
      assertEquals(RawFrames.OVERLOADED, error.errorCode());
      assertTrue(connection.closedByPeer());
    }
    assertServerStillServes();
  }

  @Test
  void metadataOverItsLimitsIsRefusedWhileParsed() throws Exception {
    try (RawConnection connection = new RawConnection(port)) {
      byte[] args = "[\"k\"]".getBytes(StandardCharsets.UTF_8);
      connection.send(LimitFrames.request(1, "test.Echo", "metadata", 5, 4, 1, args));
      assertRefused(connection.read(), 1, "5 metadata entries, over the server's limit of 4");
      connection.send(LimitFrames.request(2, "test.Echo", "metadata", 1, 17, 1, args));
      assertRefused(connection.read(), 2, "a metadata key of 17 bytes, over the server's limit of 16");
      connection.send(LimitFrames.request(3, "test.Echo", "metadata", 2, 8, 31 * 1024, args));
      assertRefused(connection.read(), 3, "metadata of more than 63488 bytes");
      connection.send(LimitFrames.request(4, "test.Echo", "echo", 4, 16, 15 * 1024, args));
      ReadFrame withinLimits = connection.read();
      assertEquals(RawFrames.RESPONSE, withinLimits.type(), withinLimits::errorMessage);
    }
    assertServerStillServes();
  }

  private static void assertRefused(ReadFrame reply, int callId, String expected) {
    assertEquals(RawFrames.ERROR, reply.type());
    assertEquals(callId, reply.callId());
    assertEquals(RawFrames.BAD_REQUEST, reply.errorCode());
    assertTrue(reply.errorMessage().contains(expected), reply.errorMessage());
  }
}
