package io.slacker.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The leader-safety invariants, checked from the servers' execution logs against what the client
 * saw. Times are compared across JVMs with {@code System.nanoTime()}, which on Linux is
 * CLOCK_MONOTONIC, shared by every process of the machine.
 */
final class Invariants {

  private final List<Execution> executions;
  private final List<Outcome> outcomes;
  private final Map<String, List<Execution>> byCallId = new HashMap<>();
  /** Term to the incarnations that announced leading it (one, if the election is sound). */
  private final Map<Long, Set<String>> leaders = new HashMap<>();

  Invariants(List<Execution> records, List<Outcome> outcomes) {
    this.executions = records.stream().filter(e -> e.kind().equals(Execution.EXEC)).toList();
    this.outcomes = outcomes;
    for (Execution e : executions) {
      byCallId.computeIfAbsent(e.callId(), k -> new ArrayList<>()).add(e);
    }
    for (Execution e : records) {
      if (e.kind().equals(Execution.LEAD)) {
        leaders.computeIfAbsent(e.term(), k -> new HashSet<>()).add(e.incarnation());
      }
    }
  }

  List<Verdict> check() {
    return List.of(noOverlappingTerms(), leaderCallsOnlyOnTheLeader(), noLostIdempotentCall(),
        nothingRunThatPromisedNotTo(), nonIdempotentAtMostOnce());
  }

  /** (1) No leader call of an older term runs at or after the first leader call of a newer term. */
  Verdict noOverlappingTerms() {
    TreeMap<Long, long[]> spans = new TreeMap<>();
    for (Execution e : executions) {
      if (e.isLeaderCall() && e.term() != 0) {
        spans.merge(e.term(), new long[]{e.nanos(), e.nanos()},
            (a, b) -> new long[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
      }
    }
    long latestEnd = Long.MIN_VALUE;
    int overlaps = 0;
    long worstNanos = 0;
    for (long[] span : spans.values()) {
      if (latestEnd >= span[0]) {
        overlaps++;
        worstNanos = Math.max(worstNanos, latestEnd - span[0]);
      }
      latestEnd = Math.max(latestEnd, span[1]);
    }
    return new Verdict("no two leader terms executing at once", overlaps == 0, spans.size() + " terms executed leader calls; "
        + overlaps + " overlapped an earlier term" + (overlaps == 0 ? "" : " (worst by " + worstNanos / 1_000_000 + " ms)"));
  }

  /** (2) Every leader call ran under a term, on the one incarnation that term's election chose. */
  Verdict leaderCallsOnlyOnTheLeader() {
    Map<Long, Set<String>> runners = new HashMap<>();
    int withoutTerm = 0;
    int leaderCalls = 0;
    for (Execution e : executions) {
      if (e.isLeaderCall()) {
        leaderCalls++;
        if (e.term() == 0) {
          withoutTerm++;
        } else {
          runners.computeIfAbsent(e.term(), k -> new HashSet<>()).add(e.incarnation());
        }
      }
    }
    int elsewhere = 0;
    for (Execution e : executions) {
      if (e.isLeaderCall() && e.term() != 0) {
        Set<String> elected = leaders.get(e.term());
        boolean onLeader = elected != null ? elected.size() == 1 && elected.contains(e.incarnation())
            : runners.get(e.term()).size() == 1;
        if (!onLeader) {
          elsewhere++;
        }
      }
    }
    return new Verdict("LEADER calls executed only on that term's leader", withoutTerm == 0 && elsewhere == 0,
        leaderCalls + " leader calls executed; " + withoutTerm + " without a term, " + elsewhere + " not on the term's leader");
  }

  /** (3) Idempotent ONE calls all succeed, and every success is backed by a run on the server that answered. */
  Verdict noLostIdempotentCall() {
    int idempotentOne = 0;
    int failed = 0;
    int unrecorded = 0;
    for (Outcome o : outcomes) {
      if (o.kind() == CallKind.ONE_IDEMPOTENT) {
        idempotentOne++;
        if (!o.succeeded()) {
          failed++;
        }
      }
      if (o.succeeded() && o.answeredBy() != null && !ranOn(o.id(), o.answeredBy())) {
        unrecorded++;
      }
    }
    return new Verdict("0 lost idempotent calls", failed == 0 && unrecorded == 0, idempotentOne
        + " idempotent ONE calls, " + failed + " failed; " + unrecorded + " successful calls without a run on record");
  }

  private boolean ranOn(String callId, String answeredBy) {
    return byCallId.getOrDefault(callId, List.of()).stream()
        .anyMatch(e -> answeredBy.equals(e.server() + "/" + e.incarnation()));
  }

  /**
   * (4) A call the client saw fail with a status promising it did not run, did not run. Only
   * non-idempotent calls and ALL calls count: an idempotent call may have been retried after an
   * attempt that did run, and its last failure speaks for the last attempt only.
   */
  Verdict nothingRunThatPromisedNotTo() {
    int promised = 0;
    int ran = 0;
    for (Outcome o : outcomes) {
      if (o.kind() == CallKind.ALL) {
        for (Map.Entry<String, Throwable> failure : o.serverFailures().entrySet()) {
          if (Failures.promisesNotExecuted(failure.getValue())) {
            promised++;
            if (byCallId.getOrDefault(o.id(), List.of()).stream().anyMatch(e -> e.server().equals(failure.getKey()))) {
              ran++;
            }
          }
        }
      } else if (!o.kind().idempotent && !o.succeeded() && Failures.promisesNotExecuted(o.failure())) {
        promised++;
        if (byCallId.containsKey(o.id())) {
          ran++;
        }
      }
    }
    return new Verdict("no execution of a call failed as not executed", ran == 0,
        promised + " failures promised not executed; " + ran + " of them ran");
  }

  /** Not retried unless certainly not run, a non-idempotent call runs at most once. */
  Verdict nonIdempotentAtMostOnce() {
    int twice = 0;
    int plain = 0;
    for (Outcome o : outcomes) {
      if (!o.kind().idempotent) {
        plain++;
        if (byCallId.getOrDefault(o.id(), List.of()).size() > 1) {
          twice++;
        }
      }
    }
    return new Verdict("non-idempotent calls executed at most once", twice == 0, plain + " non-idempotent calls; "
        + twice + " ran more than once");
  }

  /** @return how many calls that failed with DEADLINE_EXCEEDED ran anyway (allowed: the deadline promises nothing) */
  long deadlineExceededButRan() {
    return outcomes.stream().filter(o -> !o.succeeded() && o.kind() != CallKind.ALL
            && Failures.label(o.failure()).endsWith("DEADLINE_EXCEEDED") && byCallId.containsKey(o.id()))
        .count();
  }
}
