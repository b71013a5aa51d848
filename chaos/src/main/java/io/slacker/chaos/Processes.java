package io.slacker.chaos;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Forking JVMs on this class path, and the signals the faults are made of (also used by the scale harness). */
public final class Processes {

  private Processes() {
  }

  /** A JVM running {@code main} with {@code args}; small heap and C1 only, since the machine may have two cores. */
  public static ProcessBuilder java(Class<?> main, List<String> jvmArgs, String... args) {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.addAll(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  public static void kill(Process process) throws InterruptedException {
    signal(process, "-KILL");
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGSTOP: the process keeps its sockets and its ZooKeeper session and does nothing, like a long GC pause. */
  static void pause(Process process) {
    signal(process, "-STOP");
  }

  static void resume(Process process) {
    signal(process, "-CONT");
  }

  private static void signal(Process process, String signal) {
    try {
      Process kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Resumes (a stopped process may not die otherwise) and kills, ignoring a process already gone. */
  public static void destroy(Process process) throws InterruptedException {
    if (process.isAlive()) {
      try {
        resume(process);
      } catch (IllegalStateException gone) {
        // It exited between the check and the signal.
      }
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** @return a loopback port free right now (another process may take it later; the suite owns the machine's loopback briefly) */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
