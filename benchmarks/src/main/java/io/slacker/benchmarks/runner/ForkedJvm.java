package io.slacker.benchmarks.runner;

import io.slacker.benchmarks.harness.EventLine;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server or client JVM started by the runner on the benchmark's class path. Its output goes
 * to a log file; its event lines are queued for the runner. Every JVM still alive when the
 * runner exits, normally or not, is killed.
 */
final class ForkedJvm implements AutoCloseable {

  private static final Set<Process> ALIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> ALIVE.forEach(Process::destroyForcibly), "kill-forked-jvms"));
  }

  private final String name;
  private final Process process;
  private final PrintWriter commands;
  private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
  private volatile boolean outputEnded;

  private ForkedJvm(String name, Process process, Path log) throws IOException {
    this.name = name;
    this.process = process;
    this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
    Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> pump(logWriter), name + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * @param jvmOptions options before the main class, e.g. heap size or a flight recording
   * @param args the main class's arguments
   */
  static ForkedJvm start(String name, String classPath, List<String> jvmOptions, String mainClass,
                         List<String> args, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ALIVE.add(process);
    return new ForkedJvm(name, process, log);
  }

  /** @return the next event, which must be of type {@code type} */
  JsonObject await(String type, long timeoutMillis) throws InterruptedException {
    JsonObject event = next(timeoutMillis);
    if (!type.equals(event.getString("event"))) {
      throw new IllegalStateException(name + " sent '" + event.getString("event") + "' while '" + type + "' was expected");
    }
    return event;
  }

  /** @return the next event, whatever its type; fails as soon as the process has exited without one */
  JsonObject next(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      JsonObject event = events.poll(100, TimeUnit.MILLISECONDS);
      if (event != null) {
        return event;
      }
      if (outputEnded && events.isEmpty()) {
        throw new IllegalStateException(name + " exited" + (process.isAlive() ? "" : " with " + process.exitValue())
            + " without an answer; see its log");
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(name + " sent nothing within " + timeoutMillis + " ms");
      }
    }
  }

  void send(String command) {
    commands.println(command);
  }

  /** Asks the process to stop, then kills it if it has not exited within a few seconds. */
  @Override
  public void close() throws InterruptedException {
    send("stop");
    commands.close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
    ALIVE.remove(process);
  }

  private void pump(Writer log) {
    try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
         Writer out = log) {
      String line;
      while ((line = output.readLine()) != null) {
        out.write(line);
        out.write('\n');
        JsonObject event = EventLine.parse(line);
        if (event != null) {
          events.add(event);
        }
      }
    } catch (IOException e) {
      // the process went away; next() reports it
    } finally {
      outputEnded = true;
    }
  }
}
