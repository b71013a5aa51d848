package io.slacker.micrometer.impl;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * Gauges that every client, server or discovery of a process adds to. A registry keeps the first
 * gauge registered under a name and tags and ignores later ones, so two clients must share one
 * value rather than each register their own: the calls active in the process, the connections,
 * the servers leading a service.
 */
final class SharedGauges {

  private static final Map<MeterRegistry, SharedGauges> BY_REGISTRY = new WeakHashMap<>();

  private final MeterRegistry registry;
  private final Map<Key, AtomicLong> values = new ConcurrentHashMap<>();
  private final Map<Key, List<DoubleSupplier>> sums = new ConcurrentHashMap<>();

  private SharedGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  static SharedGauges of(MeterRegistry registry) {
    synchronized (BY_REGISTRY) {
      return BY_REGISTRY.computeIfAbsent(registry, SharedGauges::new);
    }
  }

  private record Key(String name, Tags tags) {
  }

  /** @return the one value behind gauge {@code name} with {@code tags}, registered on first use */
  AtomicLong value(String name, String description, String unit, Tags tags) {
    return values.computeIfAbsent(new Key(name, tags), key -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder(name, value, AtomicLong::doubleValue).description(description).baseUnit(unit).tags(tags)
          .strongReference(true).register(registry);
      return value;
    });
  }

  /** Adds {@code part} to the sum that gauge {@code name} with {@code tags} reports. */
  void addToSum(String name, String description, Tags tags, DoubleSupplier part) {
    sums.computeIfAbsent(new Key(name, tags), key -> {
      List<DoubleSupplier> parts = new CopyOnWriteArrayList<>();
      Gauge.builder(name, parts, list -> list.stream().mapToDouble(DoubleSupplier::getAsDouble).sum())
          .description(description).tags(tags).strongReference(true).register(registry);
      return parts;
    }).add(part);
  }

  void removeFromSum(String name, Tags tags, DoubleSupplier part) {
    List<DoubleSupplier> parts = sums.get(new Key(name, tags));
    if (parts != null) {
      parts.remove(part);
    }
  }
}
