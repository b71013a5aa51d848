package io.slacker.chaos;

import io.slacker.ConnectionLostException;
import io.slacker.NotSentException;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks catch what they are meant to catch, on hand-made logs: a suite that cannot fail proves nothing. */
class InvariantsTest {

  private static final String A = "127.0.0.1:1001";
  private static final String B = "127.0.0.1:1002";

  private static Execution lead(String server, String incarnation, long term, long nanos) {
    return new Execution(Execution.LEAD, "-", Ledger.NAME, server, incarnation, term, 0, nanos);
  }

  private static Execution exec(String id, String method, String server, String incarnation, long term, long nanos) {
    return new Execution(Execution.EXEC, id, method, server, incarnation, term, 0, nanos);
  }

  private static Outcome ok(String id, CallKind kind, String by) {
    return new Outcome(id, kind, 0, 0, by, null, Map.of());
  }

  private static Outcome failed(String id, CallKind kind, Throwable failure) {
    return new Outcome(id, kind, 0, 0, null, failure, Map.of());
  }

  @Test
  void twoTermsRunningLeaderCallsAtOverlappingTimesAreCaught() {
    List<Execution> log = List.of(lead(A, "a", 1, 0), lead(B, "b", 2, 50),
        exec("c1", "chaos.Ledger.append", A, "a", 1, 10), exec("c2", "chaos.Ledger.append", B, "b", 2, 100),
        exec("c3", "chaos.Ledger.append", A, "a", 1, 120));
    Verdict verdict = new Invariants(log, List.of()).noOverlappingTerms();
    assertFalse(verdict.holds(), verdict.detail());

    List<Execution> sequential = List.of(lead(A, "a", 1, 0), lead(B, "b", 2, 50),
        exec("c1", "chaos.Ledger.append", A, "a", 1, 10), exec("c2", "chaos.Ledger.append", B, "b", 2, 100));
    assertTrue(new Invariants(sequential, List.of()).noOverlappingTerms().holds());
  }

  @Test
  void leaderCallsOnAServerThatDidNotLeadThatTermOrWithoutATermAreCaught() {
    assertFalse(new Invariants(List.of(lead(A, "a", 1, 0), exec("c1", "chaos.Ledger.read", B, "b", 1, 10)), List.of())
        .leaderCallsOnlyOnTheLeader().holds());
    assertFalse(new Invariants(List.of(exec("c1", "chaos.Ledger.read", A, "a", 0, 10)), List.of())
        .leaderCallsOnlyOnTheLeader().holds());
    // A new process on the old leader's address is another incarnation: not the leader.
    assertFalse(new Invariants(List.of(lead(A, "a", 1, 0), exec("c1", "chaos.Ledger.read", A, "a2", 1, 10)), List.of())
        .leaderCallsOnlyOnTheLeader().holds());
    assertTrue(new Invariants(List.of(lead(A, "a", 1, 0), exec("c1", "chaos.Ledger.read", A, "a", 1, 10)), List.of())
        .leaderCallsOnlyOnTheLeader().holds());
  }

  @Test
  void aFailedIdempotentCallOrASuccessNoServerRecordedIsLost() {
    assertFalse(new Invariants(List.of(), List.of(failed("c1", CallKind.ONE_IDEMPOTENT, new ConnectionLostException(
        new SlackerException(StatusCode.UNAVAILABLE, "lost"))))).noLostIdempotentCall().holds());
    assertFalse(new Invariants(List.of(), List.of(ok("c1", CallKind.LEADER_PLAIN, A + "/a"))).noLostIdempotentCall().holds());
    assertTrue(new Invariants(List.of(exec("c1", "chaos.Echo.ping", A, "a", 0, 1)),
        List.of(ok("c1", CallKind.ONE_IDEMPOTENT, A + "/a"))).noLostIdempotentCall().holds());
  }

  @Test
  void aCallThatRanAfterTheClientWasToldItDidNotIsCaught() {
    Throwable notLeader = new NotSentException(StatusCode.NOT_LEADER, "not the leader", false, null);
    List<Execution> ran = List.of(exec("c1", "chaos.Ledger.append", A, "a", 3, 1));
    assertFalse(new Invariants(ran, List.of(failed("c1", CallKind.LEADER_PLAIN, notLeader))).nothingRunThatPromisedNotTo().holds());
    // A lost connection promises nothing: the call may have run.
    Throwable lost = new ConnectionLostException(new SlackerException(StatusCode.UNAVAILABLE, "lost"));
    assertTrue(new Invariants(ran, List.of(failed("c1", CallKind.LEADER_PLAIN, lost))).nothingRunThatPromisedNotTo().holds());
    Outcome all = new Outcome("c2", CallKind.ALL, 0, 0, null, notLeader, Map.of(B, notLeader));
    assertFalse(new Invariants(List.of(exec("c2", "chaos.Echo.ping", B, "b", 0, 1)), List.of(all))
        .nothingRunThatPromisedNotTo().holds());
  }

  @Test
  void aNonIdempotentCallThatRanTwiceIsCaught() {
    List<Execution> twice = List.of(exec("c1", "chaos.Echo.touch", A, "a", 0, 1), exec("c1", "chaos.Echo.touch", B, "b", 0, 2));
    Verdict verdict = new Invariants(twice, List.of(ok("c1", CallKind.ONE_PLAIN, A + "/a"))).nonIdempotentAtMostOnce();
    assertFalse(verdict.holds());
    assertEquals("1 non-idempotent calls; 1 ran more than once", verdict.detail());
  }

  @Test
  void aLineCutShortByAKillIsSkipped() {
    Execution e = exec("c9", "chaos.Echo.ping", A, "a", 0, 5);
    assertEquals(e, Execution.parse(e.line().strip()));
    assertEquals(null, Execution.parse("EXEC c9 chaos.Echo.ping 127.0.0.1:1001 a 0 17"));
  }
}
