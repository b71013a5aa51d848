package io.slacker.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slacker.test.EchoServices;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sends generated frames to a server in batches over real loopback connections, and after each
 * batch checks that nothing escaped to Vert.x, no thread was reported blocked, every frame the
 * server sent was well-formed, interleaved well-formed calls were all answered right, a new
 * connection is served, and the heap after GC is under the bound. Batch {@code b} of seed
 * {@code s} always holds the same frames: a failure names both, and writes the batch's frames
 * to {@code target/fuzz-failures} in hex.
 */
final class FuzzRun {

  /** The shape of a run. */
  record Plan(long seed, int batches, int framesPerBatch, int connectionsPerBatch, int mutationPercent, long heapBoundBytes) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FuzzTarget target;
  private final Plan plan;
  private final FuzzStats stats = new FuzzStats();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<String> batchLog = new ArrayList<>();
  private int validCallIds;

  FuzzRun(FuzzTarget target, Plan plan) {
    this.target = target;
    this.plan = plan;
  }

  FuzzStats stats() {
    return stats;
  }

  /** Runs every batch, or only {@code onlyBatch} when it is not negative (to replay a failure). */
  FuzzStats run(int onlyBatch) throws Exception {
    for (int batch = 0; batch < plan.batches(); batch++) {
      if (onlyBatch < 0 || batch == onlyBatch) {
        runBatch(batch);
        check("batch " + batch);
      }
    }
    return stats;
  }

  private void runBatch(int batch) throws Exception {
    batchLog.clear();
    long batchSeed = plan.seed() * 1_000_003L + batch;
    FrameGenerator generator = new FrameGenerator(batchSeed, plan.mutationPercent());
    SplittableRandom choices = new SplittableRandom(~batchSeed);
    FuzzConnection[] connections = new FuzzConnection[plan.connectionsPerBatch()];
    try (RawConnection valid = new RawConnection(target.port())) {
      valid.send(generator.hello());
      valid.read();
      for (int i = 0; i < plan.framesPerBatch(); i++) {
        int slot = i % connections.length;
        if (connections[slot] == null || !connections[slot].open()) {
          connections[slot] = open(generator, choices, slot);
        }
        FrameGenerator.Generated frame = generator.next();
        batchLog.add(slot + " " + HexFormat.of().formatHex(frame.bytes()));
        stats.sent(frame.bytes(), frame.mutated());
        connections[slot].send(frame.bytes());
        if (i % 64 == 0) {
          validCall(valid, choices);
        }
      }
      validCall(valid, choices);
    } finally {
      for (FuzzConnection connection : connections) {
        if (connection != null) {
          end(connection, choices);
        }
      }
    }
  }

  private FuzzConnection open(FrameGenerator generator, SplittableRandom choices, int slot) throws IOException {
    FuzzConnection connection = new FuzzConnection(target.port(), stats, violations);
    if (choices.nextInt(10) < 7) {
      byte[] hello = generator.hello();
      batchLog.add(slot + " " + HexFormat.of().formatHex(hello));
      stats.sent(hello, false);
      connection.send(hello);
    }
    return connection;
  }

  /** Ends a connection the way clients do: close, reset, or half-close first. */
  private static void end(FuzzConnection connection, SplittableRandom choices) {
    switch (choices.nextInt(3)) {
      case 0 -> connection.reset();
      case 1 -> {
        connection.halfClose();
        connection.close();
      }
      default -> connection.close();
    }
  }

  /** A well-formed add(a, b) on its own connection: it must be answered, and right. */
  private void validCall(RawConnection valid, SplittableRandom choices) throws IOException {
    int a = choices.nextInt(1_000_000);
    int b = choices.nextInt(1_000_000);
    int callId = ++validCallIds;
    valid.send(RawFrames.request(callId, RawFrames.JSON, 10_000, EchoServices.NAME, "add(int,int)",
        RawFrames.json("[" + a + "," + b + "]")));
    ReadFrame answer = valid.read();
    if (answer.type() != RawFrames.RESPONSE || answer.callId() != callId || !answer.bodyText().equals(String.valueOf(a + b))) {
      violations.add("a well-formed call interleaved with the fuzzing got " + answer.type() + " for call " + answer.callId()
          + ": " + (answer.type() == RawFrames.ERROR ? answer.errorMessage() : answer.bodyText()));
    }
    stats.validCalls.increment();
  }

  /** The checks after each batch (and each abuse case of the long run). */
  void check(String what) throws Exception {
    List<String> failures = new ArrayList<>(violations);
    failures.addAll(target.problems());
    if (failures.isEmpty()) {
      String failure = newConnectionIsServed();
      if (failure != null) {
        failures.add(failure);
      }
    }
    if (failures.isEmpty()) {
      long heap = target.heapAfterGc();
      stats.heapAfterGc(heap);
      if (heap > plan.heapBoundBytes()) {
        failures.add("heap after GC is " + heap / (1024 * 1024) + " MiB, over the bound of "
            + plan.heapBoundBytes() / (1024 * 1024) + " MiB");
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(report(what, failures));
    }
  }

  private String newConnectionIsServed() {
    String text = "probe " + stats.framesSent() + " \u00e9\u20ac\ud83d\ude00";
    try (RawConnection probe = new RawConnection(target.port())) {
      probe.setReadTimeout(10_000);
      probe.send(RawFrames.hello());
      ReadFrame hello = probe.read();
      probe.send(RawFrames.request(1, RawFrames.JSON, 10_000, EchoServices.NAME, "echo(java.lang.String)",
          ("[\"" + text + "\"]").getBytes(StandardCharsets.UTF_8)));
      ReadFrame response = probe.read();
      stats.validCalls.increment();
      if (hello.type() != RawFrames.HELLO || response.type() != RawFrames.RESPONSE
          || !text.equals(JSON.readValue(response.body(), String.class))) {
        return "a new connection was not served: answered " + hello.type() + ", then " + response.type() + " "
            + (response.type() == RawFrames.ERROR ? response.errorMessage() : response.bodyText());
      }
      return null;
    } catch (IOException e) {
      return "a new connection was not served: " + e + (target.alive() ? "" : " (the server process is gone)");
    }
  }

  private String report(String what, List<String> failures) {
    StringBuilder report = new StringBuilder("fuzzing failed after ").append(what).append(" of seed ").append(plan.seed())
        .append(" (replay: -Dslacker.fuzz.seed=").append(plan.seed());
    if (what.startsWith("batch ")) {
      report.append(" -Dslacker.fuzz.batch=").append(what.substring(6));
    }
    report.append(")");
    for (String failure : failures.subList(0, Math.min(5, failures.size()))) {
      report.append("\n- ").append(failure);
    }
    if (!batchLog.isEmpty()) {
      try {
        Path dir = Path.of("target", "fuzz-failures");
        Files.createDirectories(dir);
        Path file = dir.resolve("seed-" + plan.seed() + "-" + what.replace(' ', '-') + ".hex");
        Files.write(file, batchLog);
        report.append("\nthe frames of the batch (connection slot, then the frame in hex, in the order sent): ")
            .append(file.toAbsolutePath());
      } catch (IOException e) {
        report.append("\n(could not write the batch's frames: ").append(e).append(")");
      }
    }
    return report.toString();
  }
}
