package io.slacker.micrometer.impl;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.slacker.micrometer.SlackerMeters;
import io.slacker.spi.metrics.DiscoveryMetrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A discovery's meters. Members per service: what the latest watch update of that service saw,
 * the same for every discovery of the process. Connected: the discoveries of the process that are
 * connected to ZooKeeper now, 1 or 0 for the usual one.
 */
final class MicrometerDiscoveryMetrics implements DiscoveryMetrics {

  private static final Tags SYSTEM = Tags.of(SlackerMeters.TAG_SYSTEM, SlackerMeters.SYSTEM);

  private final SharedGauges gauges;
  private final AtomicLong connected;
  private boolean counted;

  MicrometerDiscoveryMetrics(MeterRegistry registry) {
    this.gauges = SharedGauges.of(registry);
    this.connected = gauges.value(SlackerMeters.DISCOVERY_CONNECTED, "Discoveries connected to ZooKeeper now", null, SYSTEM);
  }

  @Override
  public void members(String service, int count) {
    gauges.value(SlackerMeters.DISCOVERY_MEMBERS, "Servers in rotation for the service", "servers",
        SYSTEM.and(SlackerMeters.TAG_SERVICE, service)).set(count);
  }

  @Override
  public synchronized void connected(boolean now) {
    if (now != counted) {
      counted = now;
      connected.addAndGet(now ? 1 : -1);
    }
  }

  @Override
  public synchronized void close() {
    connected(false);
  }
}
