package io.slacker.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The spans an exporter received, as a tree: to find a span's children, and to print a trace. */
final class SpanTree {

  private final List<SpanData> spans;

  SpanTree(List<SpanData> spans) {
    this.spans = spans.stream().sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
  }

  List<SpanData> all() {
    return spans;
  }

  List<SpanData> children(SpanData parent) {
    return spans.stream().filter(span -> span.getParentSpanId().equals(parent.getSpanId())).toList();
  }

  /** @return the only child of {@code parent} of that kind; fails when there is not exactly one */
  SpanData onlyChild(SpanData parent, SpanKind kind) {
    List<SpanData> found = children(parent).stream().filter(span -> span.getKind() == kind).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one " + kind + " child of " + parent.getName() + ", got " + found + "\n" + print());
    }
    return found.get(0);
  }

  static String attribute(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }

  /** One line per span, children indented under their parent: name, kind, status, attributes. */
  String print() {
    StringBuilder out = new StringBuilder();
    for (SpanData root : spans) {
      if (spans.stream().noneMatch(span -> span.getSpanId().equals(root.getParentSpanId()))) {
        print(root, 0, out);
      }
    }
    return out.toString();
  }

  private void print(SpanData span, int depth, StringBuilder out) {
    Map<String, Object> attributes = new TreeMap<>();
    span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), value));
    out.append("  ".repeat(depth)).append(span.getName()).append(' ').append(span.getKind())
        .append(' ').append(span.getStatus().getStatusCode()).append(' ').append(attributes).append('\n');
    for (SpanData child : children(span)) {
      print(child, depth + 1, out);
    }
  }
}
