package io.slacker.impl.tracing;

import io.slacker.CallMetadata;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/** A call's metadata as the text headers Vert.x's tracers read and write; values are UTF-8. */
final class MetadataHeaders {

  private MetadataHeaders() {
  }

  /** @return the entries, each value decoded only when a tracer reads it */
  static Iterable<Map.Entry<String, String>> reader(CallMetadata metadata) {
    return () -> new Iterator<>() {
      private final Iterator<Map.Entry<String, byte[]>> entries = metadata.asMap().entrySet().iterator();

      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public Map.Entry<String, String> next() {
        return new Utf8Entry(entries.next());
      }
    };
  }

  static BiConsumer<String, String> writer(CallMetadata metadata) {
    return metadata::put;
  }

  private record Utf8Entry(Map.Entry<String, byte[]> raw) implements Map.Entry<String, String> {

    @Override
    public String getKey() {
      return raw.getKey();
    }

    @Override
    public String getValue() {
      return new String(raw.getValue(), StandardCharsets.UTF_8);
    }

    @Override
    public String setValue(String value) {
      throw new UnsupportedOperationException("the request's metadata is read-only here");
    }
  }
}
