package io.slacker.micrometer.impl;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.slacker.SlackerMetricsOptions;
import io.slacker.StatusCode;
import io.slacker.micrometer.SlackerMeters;
import io.slacker.spi.metrics.RpcServerMetrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/** A server's meters on a Micrometer registry. Every call it reports belongs to a service it runs: tags stay bounded. */
final class MicrometerServerMetrics implements RpcServerMetrics {

  private static final Tags SYSTEM = Tags.of(SlackerMeters.TAG_SYSTEM, SlackerMeters.SYSTEM);

  private final MeterRegistry registry;
  private final SharedGauges gauges;
  private final CallMeters calls;
  private final Map<String, AtomicLong> active = new ConcurrentHashMap<>();
  private final AtomicLong connections;
  private final AtomicLong ownConnections = new AtomicLong();
  private final Counter overloaded;
  private final List<Map.Entry<Tags, DoubleSupplier>> leadership = new CopyOnWriteArrayList<>();

  MicrometerServerMetrics(MeterRegistry registry, SlackerMetricsOptions options) {
    this.registry = registry;
    this.gauges = SharedGauges.of(registry);
    this.calls = new CallMeters(registry, options, SlackerMeters.SERVER_CALL_DURATION, SlackerMeters.SERVER_REQUEST_SIZE,
        SlackerMeters.SERVER_RESPONSE_SIZE);
    this.connections = gauges.value(SlackerMeters.SERVER_CONNECTIONS, "Connections from clients", "connections", SYSTEM);
    this.overloaded = Counter.builder(SlackerMeters.SERVER_OVERLOADED)
        .description("Requests refused OVERLOADED: memory, calls in flight or the blocking queue").tags(SYSTEM)
        .register(registry);
  }

  @Override
  public void callStarted(String service, String method) {
    activeOf(service).incrementAndGet();
  }

  @Override
  public void callEnded(String service, String method, StatusCode code, long nanos, long requestBytes, long responseBytes) {
    activeOf(service).decrementAndGet();
    calls.of(service, method).record(code, null, nanos, requestBytes, responseBytes);
  }

  private AtomicLong activeOf(String service) {
    AtomicLong value = active.get(service);
    return value != null ? value : active.computeIfAbsent(service, s -> gauges.value(SlackerMeters.SERVER_CALLS_ACTIVE,
        "Calls running", "calls", SYSTEM.and(SlackerMeters.TAG_SERVICE, s)));
  }

  @Override
  public void overloaded() {
    overloaded.increment();
  }

  @Override
  public void deadlineExceeded(String service, String method) {
    Counter.builder(SlackerMeters.SERVER_DEADLINE_EXCEEDED).description("Calls whose deadline passed while they ran")
        .tags(SYSTEM.and(SlackerMeters.TAG_SERVICE, service, SlackerMeters.TAG_METHOD, method)).register(registry).increment();
  }

  @Override
  public void cancelled(String service, String method) {
    Counter.builder(SlackerMeters.SERVER_CANCELLED).description("Calls their callers cancelled while they ran")
        .tags(SYSTEM.and(SlackerMeters.TAG_SERVICE, service, SlackerMeters.TAG_METHOD, method)).register(registry).increment();
  }

  @Override
  public void connectionOpened() {
    connections.incrementAndGet();
    ownConnections.incrementAndGet();
  }

  @Override
  public void connectionClosed() {
    connections.decrementAndGet();
    ownConnections.decrementAndGet();
  }

  /** 1 while this server leads {@code service}; summed over the servers of the process. */
  @Override
  public void leadership(String service, BooleanSupplier leads) {
    Tags tags = SYSTEM.and(SlackerMeters.TAG_SERVICE, service);
    DoubleSupplier value = () -> leads.getAsBoolean() ? 1 : 0;
    leadership.add(Map.entry(tags, value));
    gauges.addToSum(SlackerMeters.SERVER_LEADER, "1 on the server that leads the service, 0 elsewhere", tags, value);
  }

  /** Its connections and leadership go; its calls all end, and end their count, as it closes. */
  @Override
  public void close() {
    connections.addAndGet(-ownConnections.getAndSet(0));
    leadership.forEach(entry -> gauges.removeFromSum(SlackerMeters.SERVER_LEADER, entry.getKey(), entry.getValue()));
    leadership.clear();
  }
}
