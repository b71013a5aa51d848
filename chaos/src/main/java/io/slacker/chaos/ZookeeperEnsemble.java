package io.slacker.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real three-node ZooKeeper ensemble: three JVMs running QuorumPeerMain on 127.0.0.1, each with
 * its own data directory and myid. Members can be killed and started again on the same ports and
 * data, as an operator would restart them.
 */
final class ZookeeperEnsemble implements AutoCloseable {

  static final int SIZE = 3;

  private record Member(int myid, int clientPort, Path config) {
  }

  private final List<Member> members = new ArrayList<>();
  private final Process[] processes = new Process[SIZE];
  private final Path dir;

  ZookeeperEnsemble(Path dir, int tickMillis) throws IOException {
    this.dir = dir;
    int[] client = new int[SIZE];
    StringBuilder servers = new StringBuilder();
    for (int i = 0; i < SIZE; i++) {
      client[i] = Processes.freePort();
      servers.append("server.").append(i + 1).append("=127.0.0.1:").append(Processes.freePort()).append(':')
          .append(Processes.freePort()).append('\n');
    }
    for (int i = 0; i < SIZE; i++) {
      Path data = Files.createDirectories(dir.resolve("zk" + (i + 1)));
      Files.writeString(data.resolve("myid"), Integer.toString(i + 1));
      Path config = dir.resolve("zoo" + (i + 1) + ".cfg");
      // A short tick lets sessions of a few seconds exist (the servers grant 2 to 20 ticks).
      Files.writeString(config, "tickTime=" + tickMillis + "\ninitLimit=40\nsyncLimit=10\n"
          + "dataDir=" + data.toAbsolutePath() + "\nclientPort=" + client[i] + "\nclientPortAddress=127.0.0.1\n"
          + "admin.enableServer=false\n4lw.commands.whitelist=srvr\n" + servers);
      members.add(new Member(i + 1, client[i], config));
    }
  }

  String connectString() {
    return members.stream().map(m -> "127.0.0.1:" + m.clientPort()).collect(Collectors.joining(","));
  }

  void start(int index) throws IOException {
    Member member = members.get(index);
    processes[index] = Processes.java(ZookeeperNode.class, List.of("-Dzookeeper.admin.enableServer=false"),
            member.config().toAbsolutePath().toString())
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("zk" + member.myid() + ".out").toFile()))
        .redirectErrorStream(true)
        .start();
  }

  void kill(int index) throws InterruptedException {
    Processes.kill(processes[index]);
  }

  /** Waits until at least {@code quorum} members serve clients (are leader or follower). */
  void awaitServing(int quorum, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (System.nanoTime() < deadline) {
      long serving = members.stream().filter(m -> mode(m.clientPort()) != null).count();
      if (serving >= quorum) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("ZooKeeper ensemble not serving after " + timeoutMillis + " ms");
  }

  /** @return the index of the member that leads the ensemble now, or -1 */
  int leaderIndex() {
    for (int i = 0; i < SIZE; i++) {
      if ("leader".equals(mode(members.get(i).clientPort()))) {
        return i;
      }
    }
    return -1;
  }

  /** @return "leader", "follower" or "standalone" from the srvr four-letter word; {@code null} when not serving */
  private static String mode(int port) {
    String answer = FourLetterWords.ask(port, "srvr");
    for (String line : answer == null ? new String[0] : answer.split("\n")) {
      if (line.startsWith("Mode: ")) {
        return line.substring("Mode: ".length()).trim();
      }
    }
    return null;
  }

  @Override
  public void close() throws InterruptedException {
    for (Process process : processes) {
      if (process != null) {
        Processes.destroy(process);
      }
    }
  }
}
