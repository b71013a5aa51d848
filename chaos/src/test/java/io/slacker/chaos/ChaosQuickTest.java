package io.slacker.chaos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short chaos run of the default build: a real three-node ensemble, three server JVMs, one
 * round of every fault under load, then every invariant. {@code chaos/run.sh} runs the long one.
 */
class ChaosQuickTest {

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void everyInvariantHoldsThroughOneRoundOfEveryFault() throws Exception {
    ChaosReport report = ChaosRun.run(ChaosSettings.quick(42), Path.of("target", "chaos-quick", Long.toString(System.currentTimeMillis())));
    System.out.println(report.table());

    Set<String> injected = report.faults().stream().map(Fault::kind).collect(Collectors.toSet());
    assertEquals(Set.of(Fault.KILL_SERVER, Fault.KILL_LEADER, Fault.PAUSE_LEADER, Fault.KILL_ZOOKEEPER_NODE,
        Fault.ZOOKEEPER_OUTAGE), injected);
    for (CallKind kind : CallKind.values()) {
      assertTrue(report.outcomes().stream().anyMatch(o -> o.kind() == kind && o.succeeded()), kind + " calls succeeded");
    }
    for (Verdict verdict : report.verdicts()) {
      assertTrue(verdict.holds(), verdict.invariant() + ": " + verdict.detail() + "\n" + report.table());
    }
  }
}
