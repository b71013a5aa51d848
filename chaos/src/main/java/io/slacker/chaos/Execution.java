package io.slacker.chaos;

/**
 * One line of a server's execution log: a call that ran ({@code EXEC}), or a leadership term that
 * began on that server ({@code LEAD}, with {@code callId} "-" and {@code method} the service).
 *
 * @param nanos {@code System.nanoTime()} of the server JVM; on Linux it reads CLOCK_MONOTONIC, one
 *     clock for every process of the machine, so the suite compares it across JVMs
 */
public record Execution(String kind, String callId, String method, String server, String incarnation, long term,
                        long wallMillis, long nanos) {

  public static final String EXEC = "EXEC";
  public static final String LEAD = "LEAD";

  public String line() {
    return String.join(" ", kind, callId, method, server, incarnation, Long.toString(term),
        Long.toString(wallMillis), Long.toString(nanos)) + "\n";
  }

  /** @return the record of a complete line, or {@code null} for a line cut short by a kill */
  public static Execution parse(String line) {
    String[] f = line.split(" ");
    if (f.length != 8) {
      return null;
    }
    try {
      return new Execution(f[0], f[1], f[2], f[3], f[4], Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public boolean isLeaderCall() {
    return method.startsWith(Ledger.NAME + ".");
  }
}
