package io.slacker.benchmarks.harness;

import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The load of {@code --contended}: one busy-looping thread per core, at normal priority, so
 * the systems measured share the cores with it. Runs until its stdin says {@code stop} or
 * closes, and never past {@code maxLifetimeMillis}.
 *
 * <p>Settings: {@code threads}, {@code maxLifetimeMillis}.
 */
public final class BusyLoopMain {

  /** Written by the spinning threads so that the JIT cannot drop their loops. */
  private static volatile long sink;

  private BusyLoopMain() {
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(Arrays.asList(args));
    ProcessLifetime.limit(settings);
    int threads = settings.getInt("threads");
    for (int i = 0; i < threads; i++) {
      Thread spinner = new Thread(BusyLoopMain::spin, "busy-loop-" + i);
      spinner.setDaemon(true);
      spinner.start();
    }
    EventLine.emit(new JsonObject().put("event", "ready").put("threads", threads));
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String command;
    do {
      command = commands.readLine();
    } while (command != null && !command.equals("stop"));
    System.exit(0);
  }

  private static void spin() {
    long counter = 0;
    while (true) {
      counter++;
      if ((counter & 0xFFFFF) == 0) {
        sink = counter;
      }
    }
  }
}
