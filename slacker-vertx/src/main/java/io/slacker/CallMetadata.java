package io.slacker;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Per-call metadata (key to bytes) that travels with a request: trace context, auth token,
 * caller name. Keys are case-sensitive UTF-8 strings; values are bytes, with string helpers.
 */
public final class CallMetadata {

  private final Map<String, byte[]> entries;

  public CallMetadata() {
    entries = new LinkedHashMap<>();
  }

  public CallMetadata(CallMetadata other) {
    entries = new LinkedHashMap<>(other.entries);
  }

  public CallMetadata put(String key, String value) {
    return putBytes(key, value.getBytes(StandardCharsets.UTF_8));
  }

  public CallMetadata putBytes(String key, byte[] value) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("metadata key must not be empty");
    }
    if (value == null) {
      throw new IllegalArgumentException("metadata value for '" + key + "' must not be null");
    }
    entries.put(key, value);
    return this;
  }

  /** @return the value as a UTF-8 string, or {@code null} when absent */
  public String get(String key) {
    byte[] value = entries.get(key);
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  public byte[] getBytes(String key) {
    return entries.get(key);
  }

  public CallMetadata remove(String key) {
    entries.remove(key);
    return this;
  }

  public Set<String> keys() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  /** @return a read-only view of the raw entries, in insertion order */
  public Map<String, byte[]> asMap() {
    return Collections.unmodifiableMap(entries);
  }

  @Override
  public String toString() {
    return "CallMetadata" + entries.keySet();
  }
}
