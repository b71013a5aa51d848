package io.slacker.cluster;

import io.slacker.test.ForkedJvm;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link ForkedWhoServer}s on the test class path and always cleans them up. */
final class ForkedServers implements AutoCloseable {

  record Forked(Process process, SocketAddress address) {
    String name() {
      return address.host() + ":" + address.port();
    }
  }

  private final List<Forked> started = new ArrayList<>();

  Forked start(String connectString, String cluster, int sessionTimeoutMillis) throws Exception {
    ForkedJvm jvm = ForkedJvm.start(ForkedWhoServer.class, List.of("-Xmx128m"), connectString, cluster,
        String.valueOf(sessionTimeoutMillis));
    String hostPort = jvm.hostPort();
    int colon = hostPort.lastIndexOf(':');
    Forked forked = new Forked(jvm.process(), SocketAddress.inetSocketAddress(
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
