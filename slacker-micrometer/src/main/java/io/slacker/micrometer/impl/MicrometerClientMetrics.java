package io.slacker.micrometer.impl;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.slacker.SlackerMetricsOptions;
import io.slacker.StatusCode;
import io.slacker.cluster.impl.ServerAddresses;
import io.slacker.micrometer.SlackerMeters;
import io.slacker.spi.metrics.RpcClientMetrics;
import io.vertx.core.net.SocketAddress;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A client's meters on a Micrometer registry. Calls in flight carry no service tag: a call by
 * name starts before anyone knows whether its service exists, and tags must stay bounded.
 */
final class MicrometerClientMetrics implements RpcClientMetrics {

  private static final Tags SYSTEM = Tags.of(SlackerMeters.TAG_SYSTEM, SlackerMeters.SYSTEM);

  private final MeterRegistry registry;
  private final CallMeters calls;
  private final AtomicLong active;
  private final AtomicLong connections;
  /** This client's connections, given back when it closes; its calls all end, and end their count, as it closes. */
  private final AtomicLong ownConnections = new AtomicLong();

  MicrometerClientMetrics(MeterRegistry registry, SlackerMetricsOptions options) {
    this.registry = registry;
    SharedGauges gauges = SharedGauges.of(registry);
    this.calls = new CallMeters(registry, options, SlackerMeters.CLIENT_CALL_DURATION, SlackerMeters.CLIENT_REQUEST_SIZE,
        SlackerMeters.CLIENT_RESPONSE_SIZE);
    this.active = gauges.value(SlackerMeters.CLIENT_CALLS_ACTIVE, "Call attempts in flight", "calls", SYSTEM);
    this.connections = gauges.value(SlackerMeters.CLIENT_CONNECTIONS, "Connections open to servers", "connections", SYSTEM);
  }

  @Override
  public void callStarted(String service, String method) {
    active.incrementAndGet();
  }

  @Override
  public void callEnded(String service, String method, SocketAddress server, StatusCode code, long nanos,
                        long requestBytes, long responseBytes) {
    active.decrementAndGet();
    calls.of(service, method).record(code, server, nanos, requestBytes, responseBytes);
  }

  @Override
  public void retried(String service, StatusCode code) {
    Counter.builder(SlackerMeters.CLIENT_RETRIES).description("Calls sent again after a failed attempt")
        .tags(SYSTEM.and(SlackerMeters.TAG_SERVICE, service, SlackerMeters.TAG_STATUS, code.name()))
        .register(registry).increment();
  }

  @Override
  public void retryBudgetExhausted(String service) {
    Counter.builder(SlackerMeters.CLIENT_RETRY_BUDGET_EXHAUSTED).description("Retries the retry budget refused")
        .tags(SYSTEM.and(SlackerMeters.TAG_SERVICE, service)).register(registry).increment();
  }

  @Override
  public void ejected(SocketAddress server) {
    Counter.builder(SlackerMeters.CLIENT_EJECTIONS).description("Servers taken out of rotation after failures")
        .tags(SYSTEM.and(SlackerMeters.TAG_SERVER, ServerAddresses.format(server))).register(registry).increment();
  }

  @Override
  public void connectionOpened(SocketAddress server) {
    connections.incrementAndGet();
    ownConnections.incrementAndGet();
  }

  @Override
  public void connectionClosed(SocketAddress server) {
    connections.decrementAndGet();
    ownConnections.decrementAndGet();
  }

  /** What this client still counts among the connections goes: a closed client has none. */
  @Override
  public void close() {
    connections.addAndGet(-ownConnections.getAndSet(0));
  }
}
