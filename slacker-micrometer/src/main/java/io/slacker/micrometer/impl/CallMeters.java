package io.slacker.micrometer.impl;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.slacker.SlackerMetricsOptions;
import io.slacker.StatusCode;
import io.slacker.cluster.impl.ServerAddresses;
import io.slacker.micrometer.SlackerMeters;
import io.vertx.core.net.SocketAddress;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The per-call meters of one side (client or server), found per call without building anything:
 * a map per service of the meters per method, and in those a timer per status code (and, on the
 * client, per server). Building a Micrometer meter id, or a key object, on each call would cost
 * more than recording.
 */
final class CallMeters {

  private static final int CODES = StatusCode.values().length + 1;

  private final MeterRegistry registry;
  private final SlackerMetricsOptions options;
  private final String durationName;
  private final String requestSizeName;
  private final String responseSizeName;
  private final Map<String, Map<String, MethodMeters>> services = new ConcurrentHashMap<>();

  CallMeters(MeterRegistry registry, SlackerMetricsOptions options, String durationName, String requestSizeName,
             String responseSizeName) {
    this.registry = registry;
    this.options = options;
    this.durationName = durationName;
    this.requestSizeName = requestSizeName;
    this.responseSizeName = responseSizeName;
  }

  MethodMeters of(String service, String method) {
    Map<String, MethodMeters> methods = services.get(service);
    MethodMeters meters = methods == null ? null : methods.get(method);
    if (meters != null) {
      return meters;
    }
    return services.computeIfAbsent(service, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(method, m -> new MethodMeters(service, method));
  }

  /** The meters of one method. */
  final class MethodMeters {
    private final Tags tags;
    private final DistributionSummary requestSize;
    private final DistributionSummary responseSize;
    /** Timers by status code (index 0: OK), for the server side. */
    private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(CODES);
    /** Timers by server, then status code, for the client side. */
    private final Map<SocketAddress, AtomicReferenceArray<Timer>> timersByServer = new ConcurrentHashMap<>();

    private MethodMeters(String service, String method) {
      this.tags = Tags.of(SlackerMeters.TAG_SYSTEM, SlackerMeters.SYSTEM, SlackerMeters.TAG_SERVICE, service,
          SlackerMeters.TAG_METHOD, method);
      this.requestSize = DistributionSummary.builder(requestSizeName).description("Size of RPC request frames")
          .baseUnit("bytes").tags(tags).register(registry);
      this.responseSize = DistributionSummary.builder(responseSizeName).description("Size of RPC response frames")
          .baseUnit("bytes").tags(tags).register(registry);
    }

    /** @param server the server called, on the client side; {@code null} on the server side */
    void record(StatusCode code, SocketAddress server, long nanos, long requestBytes, long responseBytes) {
      AtomicReferenceArray<Timer> byCode = server == null ? timers
          : timersByServer.computeIfAbsent(server, s -> new AtomicReferenceArray<>(CODES));
      int index = code == null ? 0 : code.ordinal() + 1;
      Timer timer = byCode.get(index);
      if (timer == null) {
        timer = timer(code, server);
        byCode.set(index, timer);
      }
      timer.record(nanos, TimeUnit.NANOSECONDS);
      if (requestBytes > 0) {
        requestSize.record(requestBytes);
      }
      if (responseBytes > 0) {
        responseSize.record(responseBytes);
      }
    }

    /** Registering twice gives the same timer: a race between two first calls only costs a lookup. */
    private Timer timer(StatusCode code, SocketAddress server) {
      Tags timerTags = tags.and(SlackerMeters.TAG_STATUS, code == null ? SlackerMeters.OK : code.name());
      if (server != null) {
        timerTags = timerTags.and(SlackerMeters.TAG_SERVER, ServerAddresses.format(server));
      }
      Timer.Builder builder = Timer.builder(durationName).description("Duration of RPC calls").tags(timerTags)
          .publishPercentileHistogram(options.isHistogram());
      if (!options.getPercentiles().isEmpty()) {
        builder.publishPercentiles(options.getPercentiles().stream().mapToDouble(Double::doubleValue).toArray());
      }
      if (!options.getSloMillis().isEmpty()) {
        builder.serviceLevelObjectives(options.getSloMillis().stream().map(Duration::ofMillis).toArray(Duration[]::new));
      }
      return builder.register(registry);
    }
  }
}
