package io.slacker.scale;

import io.slacker.chaos.Processes;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A forked worker JVM spoken to over {@link Wire}: commands in, answers queued by their op. */
final class Child implements AutoCloseable {

  private final String name;
  private final Process process;
  private final OutputStream in;
  private final List<JsonObject> answers = new ArrayList<>();
  private long sequence;

  Child(String name, Class<?> main, String heap, JsonObject settings, Path log) throws IOException {
    this.name = name;
    process = Processes.java(main, List.of("-Xms" + heap, "-Xmx" + heap, "-Xss256k"), settings.encode())
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    in = process.getOutputStream();
    Thread reader = new Thread(this::read, name + "-reader");
    reader.setDaemon(true);
    reader.start();
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  private void read() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(Wire.PREFIX)) {
          JsonObject answer = new JsonObject(line.substring(Wire.PREFIX.length()));
          synchronized (answers) {
            answers.add(answer);
            answers.notifyAll();
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // the JVM is gone; awaits time out and say so
    }
  }

  /** @return the command's sequence number, which its answer carries */
  synchronized long send(JsonObject command) {
    long seq = ++sequence;
    try {
      in.write((command.copy().put("seq", seq).encode() + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      throw new IllegalStateException(name + " is gone (" + e + ")", e);
    }
    return seq;
  }

  JsonObject awaitReady(long timeoutMillis) throws InterruptedException {
    return await(answer -> "ready".equals(answer.getString("op")), "ready", timeoutMillis);
  }

  /** @return the answer to command {@code seq} (an "error" answer fails), waiting at most {@code timeoutMillis} */
  JsonObject await(long seq, long timeoutMillis) throws InterruptedException {
    JsonObject answer = await(a -> Long.valueOf(seq).equals(a.getLong("seq")), "the answer to command " + seq, timeoutMillis);
    if ("error".equals(answer.getString("op"))) {
      throw new IllegalStateException(name + " failed " + answer.getString("for") + ": " + answer.getString("error"));
    }
    return answer;
  }

  private JsonObject await(Predicate<JsonObject> wanted, String what, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (answers) {
      while (true) {
        for (Iterator<JsonObject> it = answers.iterator(); it.hasNext(); ) {
          JsonObject answer = it.next();
          if (wanted.test(answer)) {
            it.remove();
            return answer;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || !process.isAlive() && answers.isEmpty()) {
          throw new IllegalStateException(name + (process.isAlive() ? " sent no " + what + " within " + timeoutMillis + " ms"
              : " exited with " + process.exitValue() + " before sending " + what));
        }
        answers.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  JsonObject request(JsonObject command, long timeoutMillis) throws InterruptedException {
    return await(send(command), timeoutMillis);
  }

  @Override
  public void close() throws InterruptedException {
    try {
      send(new JsonObject().put("op", "exit"));
      process.waitFor(2, TimeUnit.SECONDS);
    } catch (IllegalStateException gone) {
      // already gone
    }
    Processes.destroy(process);
  }
}
