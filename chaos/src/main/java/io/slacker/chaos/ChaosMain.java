package io.slacker.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The long run, started by {@code chaos/run.sh [--minutes N] [--seed S]}: prints the results table
 * and exits 1 if an invariant failed. Logs and the table stay in {@code chaos/target/runs/<time>/}.
 */
public final class ChaosMain {

  private ChaosMain() {
  }

  public static void main(String[] args) throws Exception {
    double minutes = 3;
    long seed = System.currentTimeMillis();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--minutes" -> minutes = Double.parseDouble(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --minutes N, --seed S");
      }
    }
    Path dir = Path.of("chaos", "target", "runs", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    System.out.printf("Chaos run for %.1f minutes, seed %d, logs in %s%n", minutes, seed, dir);
    ChaosReport report = ChaosRun.run(ChaosSettings.extended(minutes, seed), dir);
    System.out.println(report.table());
    Files.writeString(dir.resolve("results.md"), report.table());
    System.exit(report.holds() ? 0 : 1);
  }
}
