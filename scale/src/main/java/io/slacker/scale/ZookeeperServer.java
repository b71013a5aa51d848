package io.slacker.scale;

import io.slacker.chaos.FourLetterWords;
import io.slacker.chaos.Processes;
import io.slacker.chaos.ZookeeperNode;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One standalone ZooKeeper (QuorumPeerMain of the pinned version, through chaos's
 * {@link ZookeeperNode}) in a JVM of its own on 127.0.0.1, with its data directory; it can be
 * killed with SIGKILL and started again on the same port and data, and asked for its figures.
 */
final class ZookeeperServer implements AutoCloseable {

  private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

  private final Path dir;
  private final Path config;
  private final int port;
  private final String heap;
  private Process process;

  ZookeeperServer(Path dir, String heap, int tickMillis) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.heap = heap;
    this.port = Processes.freePort();
    Path data = Files.createDirectories(dir.resolve("data"));
    config = dir.resolve("zoo.cfg");
    Files.writeString(config, "tickTime=" + tickMillis + "\ndataDir=" + data.toAbsolutePath()
        + "\nclientPort=" + port + "\nclientPortAddress=127.0.0.1\n"
        // every simulated process connects from 127.0.0.1: no limit per address
        + "maxClientCnxns=0\nadmin.enableServer=false\n4lw.commands.whitelist=mntr,wchs,srvr,cons\n");
  }

  String connectString() {
    return "127.0.0.1:" + port;
  }

  String heap() {
    return heap;
  }

  void start() throws IOException {
    process = Processes.java(ZookeeperNode.class, List.of("-Xms" + heap, "-Xmx" + heap, "-Dzookeeper.admin.enableServer=false"),
            config.toAbsolutePath().toString())
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("zookeeper.out").toFile()))
        .redirectErrorStream(true)
        .start();
  }

  long pid() {
    return process.pid();
  }

  void kill() throws InterruptedException {
    Processes.kill(process);
  }

  boolean serving() {
    String srvr = FourLetterWords.ask(port, "srvr");
    return srvr != null && srvr.contains("Mode: ");
  }

  void awaitServing(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (!serving()) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new IllegalStateException("ZooKeeper not serving on " + port + " after " + timeoutMillis + " ms; see "
            + dir.resolve("zookeeper.out"));
      }
      Thread.sleep(50);
    }
  }

  /** @return mntr's figures by name (strings; most are numbers), empty when ZooKeeper does not answer */
  Map<String, String> mntr() {
    Map<String, String> figures = new LinkedHashMap<>();
    String answer = FourLetterWords.ask(port, "mntr");
    if (answer != null) {
      for (String line : answer.split("\n")) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          figures.put(line.substring(0, tab).trim(), line.substring(tab + 1).trim());
        }
      }
    }
    return figures;
  }

  static long number(Map<String, String> mntr, String key) {
    String value = mntr.get(key);
    if (value == null) {
      return -1;
    }
    try {
      return Math.round(Double.parseDouble(value));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** @return the last zxid from srvr, -1 when ZooKeeper does not answer */
  long zxid() {
    String answer = FourLetterWords.ask(port, "srvr");
    if (answer != null) {
      for (String line : answer.split("\n")) {
        if (line.startsWith("Zxid: ")) {
          return Long.decode(line.substring("Zxid: ".length()).trim());
        }
      }
    }
    return -1;
  }

  /** @return wchs's summary (connections watching, paths watched, total watches), or null */
  String wchs() {
    String answer = FourLetterWords.ask(port, "wchs");
    return answer == null ? null : answer.trim().replace('\n', ' ');
  }

  /** @return cons's answer: one line per client connection */
  String cons() {
    return FourLetterWords.ask(port, "cons");
  }

  /** @return the ZooKeeper JVM's used heap right after a full GC (jcmd GC.run, GC.heap_info), -1 if jcmd fails */
  long heapAfterGc() {
    try {
      jcmd("GC.run");
      Matcher used = USED.matcher(jcmd("GC.heap_info"));
      long kib = 0;
      boolean any = false;
      while (used.find()) {
        kib += Long.parseLong(used.group(1));
        any = true;
      }
      return any ? kib * 1024 : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    String jcmd = System.getProperty("java.home") + File.separator + "bin" + File.separator + "jcmd";
    Process p = new ProcessBuilder(jcmd, String.valueOf(process.pid()), command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      Processes.destroy(process);
    }
  }
}
