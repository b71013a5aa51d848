package io.slacker.fuzz;

import io.slacker.StatusCode;
import io.slacker.test.RawFrames;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts of one fuzz run, printed as the summary table. Thread-safe: reader threads add to it. */
final class FuzzStats {

  private final Map<String, LongAdder> framesSent = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> framesReceived = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  final LongAdder mutated = new LongAdder();
  final LongAdder connections = new LongAdder();
  final LongAdder closedByServer = new LongAdder();
  final LongAdder validCalls = new LongAdder();
  final LongAdder bytesSent = new LongAdder();
  private volatile long maxHeapAfterGc;
  private volatile long lastHeapAfterGc;

  void sent(byte[] frame, boolean wasMutated) {
    framesSent.computeIfAbsent(frame.length > 6 ? typeName(frame[6] & 0xFF) : "(cut before type)", k -> new LongAdder()).increment();
    bytesSent.add(frame.length);
    if (wasMutated) {
      mutated.increment();
    }
  }

  void received(int type, int errorCode, int callId) {
    framesReceived.computeIfAbsent(typeName(type), k -> new LongAdder()).increment();
    if (type == RawFrames.ERROR) {
      String code = StatusCode.fromValue(errorCode) + (callId == 0 ? " (connection)" : "");
      errors.computeIfAbsent(code, k -> new LongAdder()).increment();
    }
  }

  synchronized void heapAfterGc(long bytes) {
    lastHeapAfterGc = bytes;
    maxHeapAfterGc = Math.max(maxHeapAfterGc, bytes);
  }

  long lastHeapAfterGc() {
    return lastHeapAfterGc;
  }

  long framesSent() {
    return framesSent.values().stream().mapToLong(LongAdder::sum).sum();
  }

  private static String typeName(int type) {
    return switch (type) {
      case RawFrames.REQUEST -> "REQUEST";
      case RawFrames.RESPONSE -> "RESPONSE";
      case RawFrames.ERROR -> "ERROR";
      case RawFrames.PING -> "PING";
      case RawFrames.PONG -> "PONG";
      case RawFrames.CANCEL -> "CANCEL";
      case RawFrames.GOAWAY -> "GOAWAY";
      case RawFrames.HELLO -> "HELLO";
      default -> "unknown types";
    };
  }

  String table(long seed, long millis) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%nfuzz run, seed %d, %.1f s%n", seed, millis / 1000.0));
    row(out, "frames sent", framesSent());
    row(out, "  of which mutated", mutated.sum());
    row(out, "  bytes sent", bytesSent.sum());
    new TreeMap<>(framesSent).forEach((type, count) -> row(out, "  sent " + type, count.sum()));
    new TreeMap<>(framesReceived).forEach((type, count) -> row(out, "  received " + type, count.sum()));
    new TreeMap<>(errors).forEach((code, count) -> row(out, "  ERROR " + code, count.sum()));
    row(out, "connections", connections.sum());
    row(out, "  closed by the server", closedByServer.sum());
    row(out, "well-formed calls checked", validCalls.sum());
    row(out, "heap after GC, last (MiB)", lastHeapAfterGc / (1024 * 1024));
    row(out, "heap after GC, max (MiB)", maxHeapAfterGc / (1024 * 1024));
    return out.toString();
  }

  private static void row(StringBuilder out, String name, long value) {
    out.append(String.format("| %-36s | %,14d |%n", name, value));
  }
}
