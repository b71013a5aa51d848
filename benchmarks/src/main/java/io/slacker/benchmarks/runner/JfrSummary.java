package io.slacker.benchmarks.runner;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a flight recording and says where the CPU went: the share of execution samples by
 * library (the library running at the sample; JDK code counts for the library that called it,
 * so a HashMap used while parsing a date counts for java.time), the hottest methods (self
 * time), and the biggest allocation sites.
 */
final class JfrSummary {

  private static final int TOP = 20;
  private static final String SLACKER = "Slacker";
  /** Checked in order: the benchmark's own code first, as it also lives under io.slacker. */
  private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

  static {
    LIBRARIES.put("io.slacker.benchmarks.", "benchmark harness and workload");
    LIBRARIES.put("io.slacker.", SLACKER);
    LIBRARIES.put("com.fasterxml.jackson.", "Jackson");
    LIBRARIES.put("io.vertx.", "Vert.x");
    LIBRARIES.put("io.netty.", "Netty");
    LIBRARIES.put("java.time.", "java.time");
  }

  private JfrSummary() {
  }

  static String markdown(String title, Path recording) throws IOException {
    Map<String, Integer> selfTime = new HashMap<>();
    Map<String, Integer> libraries = new HashMap<>();
    Map<String, Integer> slackerMethods = new HashMap<>();
    Map<String, Long> allocations = new HashMap<>();
    int samples = 0;
    long allocated = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      List<RecordedFrame> frames = stack.getFrames();
      String name = event.getEventType().getName();
      if (name.equals("jdk.ExecutionSample")) {
        samples++;
        selfTime.merge(method(frames.get(0)), 1, Integer::sum);
        String library = runningLibrary(frames);
        libraries.merge(library, 1, Integer::sum);
        if (library.equals(SLACKER)) {
          slackerMethods.merge(innermostSlackerMethod(frames), 1, Integer::sum);
        }
      } else if (name.equals("jdk.ObjectAllocationSample")) {
        long weight = event.getLong("weight");
        allocated += weight;
        allocations.merge(method(frames.get(0)) + " (" + event.getClass("objectClass").getName() + ")", weight, Long::sum);
      }
    }
    StringBuilder md = new StringBuilder("### ").append(title).append("\n\n");
    md.append(samples).append(" execution samples.\n\n| library running (JDK code counted for its caller) | share of samples |\n|---|---:|\n");
    appendShares(md, libraries, samples);
    md.append("\n| Slacker's own methods (with the JDK code they call) | share of samples |\n|---|---:|\n");
    appendShares(md, slackerMethods, samples);
    md.append("\n| hottest methods (self) | share of samples |\n|---|---:|\n");
    appendShares(md, selfTime, samples);
    md.append("\n| biggest allocation sites (sampled weight) | share |\n|---|---:|\n");
    long totalAllocated = Math.max(1, allocated);
    allocations.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
        .forEach(entry -> md.append(String.format(Locale.ROOT, "| `%s` | %.1f%% |%n", entry.getKey(), 100.0 * entry.getValue() / totalAllocated)));
    return md.toString();
  }

  private static void appendShares(StringBuilder md, Map<String, Integer> counts, int total) {
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
        .forEach(entry -> md.append(String.format(Locale.ROOT, "| `%s` | %.1f%% |%n", entry.getKey(), 100.0 * entry.getValue() / Math.max(1, total))));
  }

  private static String method(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static String innermostSlackerMethod(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (type.startsWith("io.slacker.") && !type.startsWith("io.slacker.benchmarks.")) {
        return method(frame);
      }
    }
    return "none";
  }

  /** @return the library of the innermost frame outside the JDK's general code, or "JDK" when there is none */
  private static String runningLibrary(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      for (Map.Entry<String, String> library : LIBRARIES.entrySet()) {
        if (type.startsWith(library.getKey())) {
          return library.getValue();
        }
      }
      if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
        return "other: " + type.substring(0, Math.max(0, type.lastIndexOf('.')));
      }
    }
    return "JDK";
  }
}
