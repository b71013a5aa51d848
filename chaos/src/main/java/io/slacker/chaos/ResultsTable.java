package io.slacker.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The run's results as Markdown tables: settings, faults with what they cost LEADER calls, calls, invariants. */
final class ResultsTable {

  /** A stretch this long without a successful LEADER call counts as LEADER unavailability. */
  private static final long GAP_NANOS = 1_000_000_000L;

  private final ChaosSettings settings;
  private final List<Fault> faults;
  private final List<Outcome> outcomes;
  private final List<Verdict> verdicts;
  private final long deadlineExceededButRan;
  private final long loadStart;
  private final long loadEnd;
  private final long[] leaderSuccesses;

  ResultsTable(ChaosSettings settings, List<Fault> faults, List<Outcome> outcomes, List<Verdict> verdicts,
               long deadlineExceededButRan, long loadStart, long loadEnd) {
    this.settings = settings;
    this.faults = faults;
    this.outcomes = outcomes;
    this.verdicts = verdicts;
    this.deadlineExceededButRan = deadlineExceededButRan;
    this.loadStart = loadStart;
    this.loadEnd = loadEnd;
    this.leaderSuccesses = outcomes.stream().filter(o -> o.kind().leader() && o.succeeded())
        .mapToLong(Outcome::endNanos).sorted().toArray();
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("Chaos run: %d servers, ZooKeeper tick %d ms, session %d ms, attempt timeout %d ms, call timeout %d ms,"
            + " %d calls in flight, %.1f s of load, %d calls (%.0f/s)%n%n", settings.servers(), settings.tickMillis(),
        settings.sessionTimeoutMillis(), settings.attemptTimeoutMillis(), settings.callTimeoutMillis(), settings.concurrency(),
        (loadEnd - loadStart) / 1e9, outcomes.size(), outcomes.size() / ((loadEnd - loadStart) / 1e9)));
    faults(out);
    calls(out);
    unavailability(out);
    out.append("| invariant | holds | figures |\n| --- | --- | --- |\n");
    for (Verdict verdict : verdicts) {
      out.append("| ").append(verdict.invariant()).append(" | ").append(verdict.holds() ? "yes" : "**NO**").append(" | ")
          .append(verdict.detail()).append(" |\n");
    }
    out.append("\nCalls failed DEADLINE_EXCEEDED that ran anyway (allowed: the deadline does not promise \"not run\"): ")
        .append(deadlineExceededButRan).append('\n');
    return out.toString();
  }

  private void faults(StringBuilder out) {
    out.append("| at (s) | fault | target | lasted (ms) | LEADER calls | LEADER failed | longest LEADER gap (ms) |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- |\n");
    for (int i = 0; i < faults.size(); i++) {
      Fault fault = faults.get(i);
      // A fault's window runs until the next fault: its after-effects (elections, reconnects) belong to it.
      long windowEnd = i + 1 < faults.size() ? faults.get(i + 1).startNanos() : loadEnd;
      long leader = 0;
      long failed = 0;
      for (Outcome o : outcomes) {
        if (o.kind().leader() && o.startNanos() >= fault.startNanos() && o.startNanos() < windowEnd) {
          leader++;
          if (!o.succeeded()) {
            failed++;
          }
        }
      }
      out.append(String.format("| %.1f | %s | %s | %d | %d | %d | %d |%n", (fault.startNanos() - loadStart) / 1e9, fault.kind(),
          fault.target(), (fault.endNanos() - fault.startNanos()) / 1_000_000, leader, failed,
          longestGap(fault.startNanos(), windowEnd) / 1_000_000));
    }
    out.append('\n');
  }

  private void calls(StringBuilder out) {
    out.append("| calls | made | succeeded | failed | failures by kind |\n| --- | --- | --- | --- | --- |\n");
    for (CallKind kind : CallKind.values()) {
      long made = 0;
      long failed = 0;
      Map<String, Integer> byKind = new TreeMap<>();
      for (Outcome o : outcomes) {
        if (o.kind() == kind) {
          made++;
          if (!o.succeeded()) {
            failed++;
            byKind.merge(Failures.label(o.failure()), 1, Integer::sum);
          }
        }
      }
      out.append("| ").append(kind).append(" | ").append(made).append(" | ").append(made - failed).append(" | ")
          .append(failed).append(" | ").append(byKind.isEmpty() ? "" : byKind.toString()).append(" |\n");
    }
    out.append('\n');
  }

  private void unavailability(StringBuilder out) {
    List<String> windows = new ArrayList<>();
    // From the first success: the client's first lookup is not unavailability.
    long previous = leaderSuccesses.length == 0 ? loadStart : leaderSuccesses[0];
    for (long success : leaderSuccesses) {
      if (success - previous > GAP_NANOS) {
        windows.add(String.format("%.1f s +%d ms", (previous - loadStart) / 1e9, (success - previous) / 1_000_000));
      }
      previous = success;
    }
    if (loadEnd - previous > GAP_NANOS) {
      windows.add(String.format("%.1f s +%d ms (to the end)", (previous - loadStart) / 1e9, (loadEnd - previous) / 1_000_000));
    }
    out.append("LEADER unavailability windows (no LEADER call succeeded for over 1 s): ")
        .append(windows.isEmpty() ? "none" : String.join(", ", windows)).append("\n\n");
  }

  /** @return the longest stretch between successful LEADER calls that overlaps [from, to) */
  private long longestGap(long from, long to) {
    long longest = 0;
    long previous = loadStart;
    for (long success : leaderSuccesses) {
      if (success > from && previous < to) {
        longest = Math.max(longest, success - previous);
      }
      previous = success;
    }
    if (previous < to) {
      longest = Math.max(longest, to - Math.max(previous, from));
    }
    return longest;
  }
}
