package io.slacker.chaos;

/**
 * How hard and how long the suite shakes the cluster.
 *
 * @param minutes how long to keep injecting faults; 0 for one round of every fault
 * @param pauseMillis how long the leader stays stopped: longer than the session, so another server takes over
 * @param gapMillis calm time after each fault, for the cluster to settle before the next
 * @param callPauseMillis each load loop's pause between calls, which bounds the load on a small machine
 */
record ChaosSettings(int servers, int tickMillis, int sessionTimeoutMillis, long attemptTimeoutMillis, long callTimeoutMillis,
                     long pauseMillis, long zookeeperDownMillis, long outageMillis, long gapMillis, double minutes,
                     int concurrency, long callPauseMillis, long seed) {

  /** About 45 s in all, for the default build: one round of every fault, a 3 s session. */
  static ChaosSettings quick(long seed) {
    return new ChaosSettings(3, 250, 3_000, 1_000, 8_000, 4_500, 2_000, 3_000, 2_500, 0, 8, 2, seed);
  }

  /** The settings (4 s session, 1 s attempt timeout), rounds of every fault for {@code minutes}. */
  static ChaosSettings extended(double minutes, long seed) {
    return new ChaosSettings(3, 250, 4_000, 1_000, 8_000, 10_000, 5_000, 20_000, 6_000, minutes, 16, 2, seed);
  }
}
