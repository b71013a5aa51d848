package io.slacker.scale;

import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * The line protocol between the harness and its worker JVMs: one JSON object a line, on the
 * worker's standard input (commands) and standard output (answers, prefixed so that a stray log
 * line is never read as one). Each command is answered by one line carrying the command's {@code seq}. A worker exits as soon as its standard input closes, so it never
 * outlives the harness.
 */
final class Wire {

  static final String PREFIX = "@@ ";

  private static final PrintStream OUT = System.out;

  private Wire() {
  }

  /** Microseconds since the epoch on this machine's clock, shared by every JVM of a run. */
  static long nowMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  }

  static void send(JsonObject answer) {
    String line = PREFIX + answer.encode();
    synchronized (OUT) {
      OUT.println(line);
      OUT.flush();
    }
  }

  /** Reads commands until standard input closes (the harness is gone), then halts the JVM. */
  static void serve(Function<JsonObject, JsonObject> handler) {
    // Anything else that writes to standard output must not interleave with the answers.
    System.setOut(System.err);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonObject command = new JsonObject(line);
        if ("exit".equals(command.getString("op"))) {
          break;
        }
        spawn(command, handler);
      }
    } catch (Exception e) {
      e.printStackTrace();
    }
    Runtime.getRuntime().halt(0);
  }

  /** Each command runs on a thread of its own, so that a long one (a registration) does not hold up a status request. */
  private static void spawn(JsonObject command, Function<JsonObject, JsonObject> handler) {
    Thread thread = new Thread(() -> {
      try {
        send(handler.apply(command).put("seq", command.getLong("seq")));
      } catch (Throwable e) {
        e.printStackTrace();
        send(new JsonObject().put("op", "error").put("for", command.getString("op")).put("error", String.valueOf(e))
            .put("seq", command.getLong("seq")));
      }
    }, "command-" + command.getString("op"));
    thread.setDaemon(true);
    thread.start();
  }
}
