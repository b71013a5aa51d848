package io.slacker.chaos;

import java.util.List;

/** What a run produced: the faults, every call's outcome, the verdicts and the printed table. */
record ChaosReport(List<Fault> faults, List<Outcome> outcomes, List<Verdict> verdicts, String table) {

  boolean holds() {
    return verdicts.stream().allMatch(Verdict::holds);
  }
}
