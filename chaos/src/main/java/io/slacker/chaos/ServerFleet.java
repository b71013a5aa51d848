package io.slacker.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The {@link ChaosServer} JVMs: started on free ports, each logging to its own file, killed and paused on demand. */
final class ServerFleet implements AutoCloseable {

  record Server(Process process, String address, String incarnation) {
  }

  private final Path dir;
  private final String connectString;
  private final String cluster;
  private final int sessionTimeoutMillis;
  private final List<Server> live = new CopyOnWriteArrayList<>();
  private final List<Process> all = new CopyOnWriteArrayList<>();
  private int started;

  ServerFleet(Path dir, String connectString, String cluster, int sessionTimeoutMillis) {
    this.dir = dir;
    this.connectString = connectString;
    this.cluster = cluster;
    this.sessionTimeoutMillis = sessionTimeoutMillis;
  }

  /** Starts {@code count} servers side by side and waits until each has published itself. */
  List<Server> start(int count) throws Exception {
    List<CompletableFuture<Server>> starting = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path log = dir.resolve("server-" + (++started) + ".log");
      Process process = Processes.java(ChaosServer.class, List.of(), connectString, cluster,
              Integer.toString(sessionTimeoutMillis), log.toAbsolutePath().toString())
          .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("server-" + started + ".err").toFile()))
          .start();
      all.add(process);
      starting.add(CompletableFuture.supplyAsync(() -> awaitListening(process)));
    }
    List<Server> servers = new ArrayList<>();
    for (CompletableFuture<Server> future : starting) {
      Server server = future.get(90, TimeUnit.SECONDS);
      live.add(server);
      servers.add(server);
    }
    return servers;
  }

  private static Server awaitListening(Process process) {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("LISTENING ")) {
          String[] parts = line.split(" ");
          return new Server(process, parts[1], parts[2]);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("chaos server " + process.pid() + " failed to start", e);
    }
    throw new IllegalStateException("chaos server " + process.pid() + " exited before listening");
  }

  List<Server> live() {
    return List.copyOf(live);
  }

  Server byAddress(String address) {
    return live.stream().filter(s -> s.address().equals(address)).findFirst().orElse(null);
  }

  void kill(Server server) throws InterruptedException {
    live.remove(server);
    Processes.kill(server.process());
  }

  /** Every server's execution log, killed ones included. */
  Path logDirectory() {
    return dir;
  }

  @Override
  public void close() throws InterruptedException {
    for (Process process : all) {
      Processes.destroy(process);
    }
  }
}
