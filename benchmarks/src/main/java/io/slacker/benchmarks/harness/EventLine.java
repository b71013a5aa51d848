package io.slacker.benchmarks.harness;

import io.vertx.core.json.JsonObject;

/**
 * The lines forked processes and the runner exchange over stdout and stdin. A marker keeps
 * them apart from whatever the systems themselves log to stdout.
 */
public final class EventLine {

  private static final String MARKER = "@bench ";

  private EventLine() {
  }

  public static void emit(JsonObject event) {
    System.out.println(MARKER + event.encode());
    System.out.flush();
  }

  /** @return the event carried by {@code line}, or {@code null} for any other output */
  public static JsonObject parse(String line) {
    return line.startsWith(MARKER) ? new JsonObject(line.substring(MARKER.length())) : null;
  }
}
