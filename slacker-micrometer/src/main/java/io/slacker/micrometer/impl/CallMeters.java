package io.slacker.micrometer.impl;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.slacker.SlackerMetricsOptions;
import io.slacker.StatusCode;
import io.slacker.micrometer.SlackerMeters;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The per-call meters of one side (client or server): a duration timer per service, method,
 * status and (client side) server, and request and response size summaries per service and
 * method. Meters are looked up in maps of their own, not built per call: building a Micrometer
 * meter id costs more than recording.
 */
final class CallMeters {

  private final MeterRegistry registry;
  private final SlackerMetricsOptions options;
  private final String durationName;
  private final String requestSizeName;
  private final String responseSizeName;
  private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
  private final Map<MethodKey, DistributionSummary[]> sizes = new ConcurrentHashMap<>();

  CallMeters(MeterRegistry registry, SlackerMetricsOptions options, String durationName, String requestSizeName,
             String responseSizeName) {
    this.registry = registry;
    this.options = options;
    this.durationName = durationName;
    this.requestSizeName = requestSizeName;
    this.responseSizeName = responseSizeName;
  }

  private record TimerKey(String service, String method, StatusCode code, String server) {
  }

  private record MethodKey(String service, String method) {
  }

  /** @param server {@code host:port}, or {@code null} on the server side */
  void record(String service, String method, StatusCode code, String server, long nanos, long requestBytes,
              long responseBytes) {
    timers.computeIfAbsent(new TimerKey(service, method, code, server), this::timer).record(nanos, TimeUnit.NANOSECONDS);
    DistributionSummary[] summaries = sizes.computeIfAbsent(new MethodKey(service, method), this::summaries);
    if (requestBytes > 0) {
      summaries[0].record(requestBytes);
    }
    if (responseBytes > 0) {
      summaries[1].record(responseBytes);
    }
  }

  private Timer timer(TimerKey key) {
    Tags tags = Tags.of(SlackerMeters.TAG_SYSTEM, SlackerMeters.SYSTEM, SlackerMeters.TAG_SERVICE, key.service,
        SlackerMeters.TAG_METHOD, key.method, SlackerMeters.TAG_STATUS, key.code == null ? SlackerMeters.OK : key.code.name());
    if (key.server != null) {
      tags = tags.and(SlackerMeters.TAG_SERVER, key.server);
    }
    Timer.Builder builder = Timer.builder(durationName).description("Duration of RPC calls").tags(tags)
        .publishPercentileHistogram(options.isHistogram());
    if (!options.getPercentiles().isEmpty()) {
      builder.publishPercentiles(options.getPercentiles().stream().mapToDouble(Double::doubleValue).toArray());
    }
    if (!options.getSloMillis().isEmpty()) {
      builder.serviceLevelObjectives(options.getSloMillis().stream().map(Duration::ofMillis).toArray(Duration[]::new));
    }
    return builder.register(registry);
  }

  private DistributionSummary[] summaries(MethodKey key) {
    Tags tags = Tags.of(SlackerMeters.TAG_SYSTEM, SlackerMeters.SYSTEM, SlackerMeters.TAG_SERVICE, key.service,
        SlackerMeters.TAG_METHOD, key.method);
    return new DistributionSummary[] {
        DistributionSummary.builder(requestSizeName).description("Size of RPC request frames").baseUnit("bytes")
            .tags(tags).register(registry),
        DistributionSummary.builder(responseSizeName).description("Size of RPC response frames").baseUnit("bytes")
            .tags(tags).register(registry)};
  }
}
