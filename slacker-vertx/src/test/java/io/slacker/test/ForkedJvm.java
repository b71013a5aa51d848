package io.slacker.test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A main class of the test class path in its own JVM, for tests that must lose, starve or watch a
 * whole process. The program prints {@code LISTENING host:port} once it serves, and exits when its
 * standard input closes, so it never outlives the test JVM. Its standard error is kept (the last
 * 64 KiB) for tests to read.
 */
public final class ForkedJvm implements AutoCloseable {

  private static final int KEPT_STDERR = 64 * 1024;

  private final Process process;
  private final String listening;
  private final StringBuilder stderr;

  private ForkedJvm(Process process, String listening, StringBuilder stderr) {
    this.process = process;
    this.listening = listening;
    this.stderr = stderr;
  }

  /** Starts {@code mainClass} and waits up to 60 s for its {@code LISTENING} line. */
  public static ForkedJvm start(Class<?> mainClass, List<String> jvmOptions, String... args) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    StringBuilder stderr = new StringBuilder();
    keep(process.getErrorStream(), stderr);
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
      try {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("LISTENING ")) {
            return line.substring("LISTENING ".length());
          }
        }
        return null;
      } catch (IOException e) {
        return null;
      }
    });
    String hostPort;
    try {
      hostPort = listening.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      hostPort = null;
    }
    if (hostPort == null) {
      process.destroyForcibly();
      throw new IllegalStateException("forked " + mainClass.getSimpleName() + " did not start: " + tail(stderr));
    }
    return new ForkedJvm(process, hostPort, stderr);
  }

  private static void keep(InputStream in, StringBuilder into) {
    Thread reader = new Thread(() -> {
      byte[] chunk = new byte[4096];
      try {
        int n;
        while ((n = in.read(chunk)) != -1) {
          synchronized (into) {
            into.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
            if (into.length() > KEPT_STDERR) {
              into.delete(0, into.length() - KEPT_STDERR);
            }
          }
        }
      } catch (IOException e) {
        // The process is gone.
      }
    }, "forked-stderr");
    reader.setDaemon(true);
    reader.start();
  }

  private static String tail(StringBuilder stderr) {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  public Process process() {
    return process;
  }

  /** @return the {@code host:port} the program printed */
  public String hostPort() {
    return listening;
  }

  public int port() {
    return Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));
  }

  /** @return what the program wrote to standard error so far (its last 64 KiB) */
  public String stderr() {
    return tail(stderr);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
