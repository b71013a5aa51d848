package io.slacker.fuzz;

import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** {@link FuzzServerMain} in a forked JVM with a small heap; its heap is read through {@link FuzzServices#HEAP_AFTER_GC}. */
final class ForkedTarget implements FuzzTarget {

  private final Process process;
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private int callIds;

  ForkedTarget(String maxHeap) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    process = new ProcessBuilder(java, "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"),
        FuzzServerMain.class.getName())
        .redirectErrorStream(true)
        .start();
    Thread reader = new Thread(this::readOutput, "fuzz-server-output");
    reader.setDaemon(true);
    reader.start();
    port.get(60, TimeUnit.SECONDS);
  }

  private void readOutput() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("PORT ")) {
          port.complete(Integer.parseInt(line.substring(5).trim()));
        } else if (line.startsWith("PROBLEM ")) {
          problems.add(line.substring(8).replace('|', '\n'));
        } else if (line.contains("OutOfMemoryError") || line.startsWith("Exception in thread")) {
          // What the JVM itself prints about an uncaught error (an OOM where no handler could run, say).
          problems.add("server output: " + line);
        }
      }
    } catch (Exception e) {
      // The process ended.
    }
    port.completeExceptionally(new IllegalStateException("the fuzz server exited before it listened"));
  }

  @Override
  public int port() {
    return port.join();
  }

  @Override
  public List<String> problems() {
    return List.copyOf(problems);
  }

  @Override
  public boolean alive() {
    return process.isAlive();
  }

  @Override
  public long heapAfterGc() throws Exception {
    try (RawConnection raw = new RawConnection(port())) {
      raw.setReadTimeout(30_000);
      int callId = ++callIds;
      raw.send(RawFrames.frame(RawFrames.REQUEST, 0, RawFrames.JSON, callId, RawFrames.concat(
          new byte[]{0, 0, 0, 0}, intBytes(FuzzServices.HEAP_AFTER_GC.serviceId()), intBytes(FuzzServices.HEAP_AFTER_GC.methodId()),
          RawFrames.json("[]"))));
      ReadFrame response = raw.read();
      if (response.type() != RawFrames.RESPONSE) {
        throw new IllegalStateException("heapAfterGc answered " + response.type() + ": " + response.errorMessage());
      }
      return Long.parseLong(response.bodyText());
    }
  }

  private static byte[] intBytes(int value) {
    return new byte[]{(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
