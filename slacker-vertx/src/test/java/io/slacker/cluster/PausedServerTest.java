package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.StatusCode;
import io.slacker.test.RawConnection;
import io.slacker.test.RawFrames;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server paused with SIGSTOP (a gray failure: connected, in ZooKeeper, answering nothing) leaves
 * the rotation after a couple of attempt timeouts, long before its session would expire, and
 * comes back once it answers a handshake again. No idempotent call is lost.
 */
class PausedServerTest extends ForkedClusterTestBase {

  private static final int SESSION_TIMEOUT_MILLIS = 10_000;
  private static final long ATTEMPT_TIMEOUT_MILLIS = 500;

  @Override
  String cluster() {
    return "pause";
  }

  @Override
  long attemptTimeoutMillis() {
    return ATTEMPT_TIMEOUT_MILLIS;
  }

  @Test
  void aPausedServerLeavesTheRotationWithinTwoAttemptTimeoutsAndComesBack() throws Exception {
    ForkedServers.Forked a = fork(SESSION_TIMEOUT_MILLIS);
    ForkedServers.Forked b = fork(SESSION_TIMEOUT_MILLIS);
    Await.until("two servers in rotation", WAIT, () -> inRotation(a.address()) && inRotation(b.address()));
    Who who = client.proxy(Who.class, new CallOptions());
    LoadLoop load = new LoadLoop(vertx, who::nameIdempotent, 4);
    load.start();
    Await.until("B takes calls", WAIT, () -> load.lastAnswerFrom(b.name()) != 0);

    forked.pause(b);
    long outMillis = Await.until("B out of rotation", WAIT, () -> !inRotation(b.address()));
    forked.resume(b);
    long resumedAt = System.nanoTime();
    long backMillis = Await.until("B back in rotation", WAIT, () -> inRotation(b.address()));
    Await.until("B answers again", WAIT, () -> load.lastAnswerFrom(b.name()) > resumedAt);
    LoadLoop.Totals totals = Await.result(load.stop());
    System.out.printf("figures: SIGSTOP of a server: out of rotation after %d ms (attempt timeout %d ms, session timeout"
        + " %d ms), back %d ms after SIGCONT; %s%n", outMillis, ATTEMPT_TIMEOUT_MILLIS, SESSION_TIMEOUT_MILLIS, backMillis, totals);

    assertEquals(0, totals.failed(), "idempotent calls lose nothing: " + totals);
    // Two attempt timeouts, plus the scheduling slack of a loaded machine.
    assertTrue(outMillis < 4 * ATTEMPT_TIMEOUT_MILLIS, "out of rotation after " + outMillis + " ms");
  }

  @Test
  void aLeaderPausedPastItsSessionRefusesTheLeaderCallsQueuedMeanwhile() throws Exception {
    int sessionMillis = 3_000;
    ForkedServers.Forked a = fork(sessionMillis);
    ForkedServers.Forked b = fork(sessionMillis);
    Await.until("a leader", WAIT, () -> leader() != null && inRotation(a.address()) && inRotation(b.address()));
    ForkedServers.Forked leading = leader().equals(a.address()) ? a : b;
    ForkedServers.Forked other = leading == a ? b : a;

    try (RawConnection raw = new RawConnection(leading.address().port())) {
      raw.send(RawFrames.frame(RawFrames.HELLO, 0, 0, 0, RawFrames.concat(
          new byte[]{0, 0, 4, 0, 1, RawFrames.JSON}, new byte[]{0, 0, 0, 1})));
      assertEquals(RawFrames.HELLO, raw.read().type());
      forked.pause(leading);
      long pausedAt = System.nanoTime();
      Await.until("the other server leads", WAIT, () -> other.address().equals(leader()));
      long electedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pausedAt);
      // Sent to the paused old leader: it waits in its socket, as the calls of clients with a stale view would.
      byte[] request = RawFrames.request(7, RawFrames.JSON, 10_000, Who.NAME, "name()", RawFrames.json("[]"));
      request[7] |= 0x08;
      raw.send(request);
      forked.resume(leading);
      RawConnection.ReadFrame answer = raw.read();
      assertEquals(RawFrames.ERROR, answer.type(), "the paused leader must not run the call on waking");
      System.out.printf("figures: leader SIGSTOP past its %d ms session: another leader after %d ms; the old leader"
          + " answered the queued leader call with %s%n", sessionMillis, electedMillis, answer.errorMessage());
      assertEquals(StatusCode.NOT_LEADER.value(), answer.errorCode(), "the paused leader does not run it on waking");
    }
  }
}
