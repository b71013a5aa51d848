package io.slacker.benchmarks.harness;

import io.vertx.core.json.JsonObject;

import java.util.Arrays;

/**
 * The client process: connects one system's client to its server, warms up, then measures each
 * concurrency level in turn and reports every level as an event line.
 *
 * <p>Settings: {@code port}, {@code levels} (e.g. {@code 1,32,256}), {@code warmupMillis} (the
 * first warm-up), {@code levelWarmupMillis}, {@code measureMillis}, plus the system's own.
 */
public final class ClientMain {

  private static final int FIRST_WARMUP_IN_FLIGHT = 32;

  private ClientMain() {
  }

  public static void main(String[] args) throws Exception {
    SystemUnderTest system = SystemUnderTest.valueOf(args[0]);
    Settings settings = Settings.parse(Arrays.asList(args).subList(1, args.length));
    ProcessLifetime.limit(settings);
    try (WorkloadClient client = system.connect(settings)) {
      ClosedLoopDriver driver = new ClosedLoopDriver(client);
      driver.warmUp(FIRST_WARMUP_IN_FLIGHT, settings.getLong("warmupMillis"));
      for (String level : settings.get("levels").split(",")) {
        int inFlight = Integer.parseInt(level.trim());
        JsonObject report = driver.measure(inFlight, settings.getLong("levelWarmupMillis"), settings.getLong("measureMillis"),
            () -> EventLine.emit(new JsonObject().put("event", "measuring").put("inFlight", inFlight)));
        EventLine.emit(report.put("event", "level").put("mismatches", driver.mismatches()).put("problem", driver.firstProblem()));
      }
    }
    EventLine.emit(new JsonObject().put("event", "done"));
    System.exit(0);
  }
}
