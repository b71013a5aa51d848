package io.slacker.limits;

import io.slacker.NotSentException;
import io.slacker.ServerLimitsOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerServerOptions;
import io.slacker.test.EchoServerTestBase;
import io.slacker.test.EchoServices;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code maxConnections}: one connection over it is told OVERLOADED and closed; a closed one frees its place. */
class ConnectionLimitTest extends EchoServerTestBase {

  @Override
  protected SlackerServerOptions serverOptions() {
    return new SlackerServerOptions().setLimits(new ServerLimitsOptions().setMaxConnections(2));
  }

  @Test
  void aConnectionOverTheLimitIsRefusedAndAClosedOneFreesItsPlace() throws Exception {
    try (RawConnection first = new RawConnection(port); RawConnection second = new RawConnection(port)) {
      first.send(LimitFrames.echo(1, "first"));
      assertEquals(RawFrames.RESPONSE, first.read().type());
      second.send(LimitFrames.echo(1, "second"));
      assertEquals(RawFrames.RESPONSE, second.read().type());

      try (RawConnection third = new RawConnection(port)) {
        ReadFrame refused = third.read();
        assertEquals(RawFrames.ERROR, refused.type());
        assertEquals(0, refused.callId());
        assertEquals(RawFrames.OVERLOADED, refused.errorCode());
        assertTrue(refused.errorMessage().contains("maximum of 2 connections"), refused.errorMessage());
        assertTrue(third.closedByPeer(), "the refused connection is closed");
      }
      SlackerClient client = SlackerClient.create(vertx);
      try {
        NotSentException notSent = assertThrows(NotSentException.class, () -> client
            .call(EchoServices.ECHO, new Object[]{"x"}, toServer()).await(5, TimeUnit.SECONDS));
        assertTrue(notSent.getMessage().contains("maximum of 2 connections"), notSent.getMessage());
      } finally {
        client.close().await(5, TimeUnit.SECONDS);
      }
      first.close();
      // The place comes back once the server has seen the close.
      String answer = null;
      for (int attempt = 0; attempt < 100 && answer == null; attempt++) {
        try (RawConnection next = new RawConnection(port)) {
          next.send(LimitFrames.echo(1, "next"));
          ReadFrame reply = next.read();
          if (reply.type() == RawFrames.RESPONSE) {
            answer = reply.bodyText();
          } else {
            Thread.sleep(20);
          }
        }
      }
      assertTrue(answer != null && answer.contains("next"), "a closed connection frees its place: " + answer);
    }
    // The server sees the two closes above on its own time: until then, a new connection may still be one too many.
    for (int attempt = 1; ; attempt++) {
      try {
        assertServerStillServes();
        return;
      } catch (NotSentException refused) {
        if (attempt == 100) {
          throw refused;
        }
        Thread.sleep(20);
      }
    }
  }
}
