package io.slacker.spi.metrics;

/** A discovery's meters, called from Curator's and the watches' threads: thread-safe, never blocking. */
public interface DiscoveryMetrics {

  /** The servers a watch of {@code service} sees in rotation now. */
  void members(String service, int count);

  /** Whether the discovery's ZooKeeper connection is up (connected or reconnected) or not (suspended, lost). */
  void connected(boolean connected);

  /** The discovery closed: meters of its own may go. */
  void close();
}
