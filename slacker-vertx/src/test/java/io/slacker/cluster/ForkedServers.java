package io.slacker.cluster;

import io.vertx.core.net.SocketAddress;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts {@link ForkedWhoServer}s on the test class path and always cleans them up. */
final class ForkedServers implements AutoCloseable {

  record Forked(Process process, SocketAddress address) {
    String name() {
      return address.host() + ":" + address.port();
    }
  }

  private final List<Forked> started = new ArrayList<>();

  Forked start(String connectString, String cluster, int sessionTimeoutMillis) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process process = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        ForkedWhoServer.class.getName(), connectString, cluster, String.valueOf(sessionTimeoutMillis))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
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
      throw new IllegalStateException("forked server did not start");
    }
    int colon = hostPort.lastIndexOf(':');
    Forked forked = new Forked(process, SocketAddress.inetSocketAddress(
        Integer.parseInt(hostPort.substring(colon + 1)), hostPort.substring(0, colon)));
    started.add(forked);
    return forked;
  }

  /** SIGKILL: the process gets no chance to withdraw or close anything. */
  void kill(Forked forked) throws InterruptedException {
    forked.process().destroyForcibly();
    forked.process().waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGSTOP: the process keeps its sockets and its ZooKeeper session, and answers nothing, like a long GC pause. */
  void pause(Forked forked) throws Exception {
    signal(forked, "-STOP");
  }

  /** SIGCONT after {@link #pause}. */
  void resume(Forked forked) throws Exception {
    signal(forked, "-CONT");
  }

  private static void signal(Forked forked, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", signal, String.valueOf(forked.process().pid())).start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IllegalStateException("kill " + signal + " " + forked.process().pid() + " failed");
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (Forked forked : started) {
      // A stopped process would not die of SIGKILL until it is continued on some systems: continue it first.
      try {
        resume(forked);
      } catch (Exception e) {
        // Already gone.
      }
      forked.process().destroyForcibly();
      forked.process().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
