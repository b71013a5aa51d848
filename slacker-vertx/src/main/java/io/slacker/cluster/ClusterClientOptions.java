package io.slacker.cluster;

import io.slacker.impl.JsonFields;
import io.slacker.spi.LoadBalancer;
import io.vertx.core.json.JsonObject;

/** How a client that has a discovery picks servers, fails over and guards against bad membership data. */
public class ClusterClientOptions {

  public static final String DEFAULT_LOAD_BALANCER = LoadBalancer.LEAST_IN_FLIGHT;
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final double DEFAULT_RETRY_BUDGET_RATIO = 0.2;
  public static final int DEFAULT_RETRY_BUDGET_MIN_PER_SECOND = 10;
  public static final long DEFAULT_RETRY_BUDGET_WINDOW_MILLIS = 10_000;
  public static final long DEFAULT_ATTEMPT_TIMEOUT_MILLIS = 0;
  public static final long DEFAULT_EMPTY_PROTECTION_MILLIS = 5_000;
  public static final long DEFAULT_PROBE_INITIAL_MILLIS = 200;
  public static final long DEFAULT_PROBE_MAX_MILLIS = 5_000;
  /** Two attempts in a row that time out on one server take it out of rotation. */
  public static final int DEFAULT_TIMEOUTS_TO_EJECT = 2;
  /** A retry or a call that waited for a leader is not sent with less than this left of its deadline. */
  public static final long DEFAULT_MIN_ATTEMPT_MILLIS = 50;

  private Grouping grouping;
  private String loadBalancer;
  private int maxAttempts;
  private double retryBudgetRatio;
  private int retryBudgetMinPerSecond;
  private long retryBudgetWindowMillis;
  private long attemptTimeoutMillis;
  private long emptyProtectionMillis;
  private long probeInitialMillis;
  private long probeMaxMillis;
  private int timeoutsToEject;
  private long minAttemptMillis;

  public ClusterClientOptions() {
    grouping = Grouping.one();
    loadBalancer = DEFAULT_LOAD_BALANCER;
    maxAttempts = DEFAULT_MAX_ATTEMPTS;
    retryBudgetRatio = DEFAULT_RETRY_BUDGET_RATIO;
    retryBudgetMinPerSecond = DEFAULT_RETRY_BUDGET_MIN_PER_SECOND;
    retryBudgetWindowMillis = DEFAULT_RETRY_BUDGET_WINDOW_MILLIS;
    attemptTimeoutMillis = DEFAULT_ATTEMPT_TIMEOUT_MILLIS;
    emptyProtectionMillis = DEFAULT_EMPTY_PROTECTION_MILLIS;
    probeInitialMillis = DEFAULT_PROBE_INITIAL_MILLIS;
    probeMaxMillis = DEFAULT_PROBE_MAX_MILLIS;
    timeoutsToEject = DEFAULT_TIMEOUTS_TO_EJECT;
    minAttemptMillis = DEFAULT_MIN_ATTEMPT_MILLIS;
  }

  public ClusterClientOptions(ClusterClientOptions other) {
    grouping = other.grouping;
    loadBalancer = other.loadBalancer;
    maxAttempts = other.maxAttempts;
    retryBudgetRatio = other.retryBudgetRatio;
    retryBudgetMinPerSecond = other.retryBudgetMinPerSecond;
    retryBudgetWindowMillis = other.retryBudgetWindowMillis;
    attemptTimeoutMillis = other.attemptTimeoutMillis;
    emptyProtectionMillis = other.emptyProtectionMillis;
    probeInitialMillis = other.probeInitialMillis;
    probeMaxMillis = other.probeMaxMillis;
    timeoutsToEject = other.timeoutsToEject;
    minAttemptMillis = other.minAttemptMillis;
  }

  public ClusterClientOptions(JsonObject json) {
    this();
    JsonObject groupingJson = JsonFields.getJsonObject(json, "grouping");
    if (groupingJson != null) {
      setGrouping(Grouping.fromJson(groupingJson));
    }
    setLoadBalancer(JsonFields.getString(json, "loadBalancer", loadBalancer));
    setMaxAttempts(JsonFields.getInteger(json, "maxAttempts", maxAttempts));
    setRetryBudgetRatio(JsonFields.getDouble(json, "retryBudgetRatio", retryBudgetRatio));
    setRetryBudgetMinPerSecond(JsonFields.getInteger(json, "retryBudgetMinPerSecond", retryBudgetMinPerSecond));
    setRetryBudgetWindowMillis(JsonFields.getLong(json, "retryBudgetWindowMillis", retryBudgetWindowMillis));
    setAttemptTimeoutMillis(JsonFields.getLong(json, "attemptTimeoutMillis", attemptTimeoutMillis));
    setEmptyProtectionMillis(JsonFields.getLong(json, "emptyProtectionMillis", emptyProtectionMillis));
    setProbeInitialMillis(JsonFields.getLong(json, "probeInitialMillis", probeInitialMillis));
    setProbeMaxMillis(JsonFields.getLong(json, "probeMaxMillis", probeMaxMillis));
    setTimeoutsToEject(JsonFields.getInteger(json, "timeoutsToEject", timeoutsToEject));
    setMinAttemptMillis(JsonFields.getLong(json, "minAttemptMillis", minAttemptMillis));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("grouping", grouping.toJson())
        .put("loadBalancer", loadBalancer)
        .put("maxAttempts", maxAttempts)
        .put("retryBudgetRatio", retryBudgetRatio)
        .put("retryBudgetMinPerSecond", retryBudgetMinPerSecond)
        .put("retryBudgetWindowMillis", retryBudgetWindowMillis)
        .put("attemptTimeoutMillis", attemptTimeoutMillis)
        .put("emptyProtectionMillis", emptyProtectionMillis)
        .put("probeInitialMillis", probeInitialMillis)
        .put("probeMaxMillis", probeMaxMillis)
        .put("timeoutsToEject", timeoutsToEject)
        .put("minAttemptMillis", minAttemptMillis);
  }

  public Grouping getGrouping() {
    return grouping;
  }

  /** The grouping of calls that set none themselves, through their proxy or their call options. */
  public ClusterClientOptions setGrouping(Grouping grouping) {
    if (grouping == null) {
      throw new IllegalArgumentException("grouping must not be null");
    }
    this.grouping = grouping;
    return this;
  }

  public String getLoadBalancer() {
    return loadBalancer;
  }

  /** The name of the balancer of {@link Grouping#one()} calls; see {@link LoadBalancer#named(String)}. */
  public ClusterClientOptions setLoadBalancer(String loadBalancer) {
    LoadBalancer.named(loadBalancer);
    this.loadBalancer = loadBalancer;
    return this;
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  /** Attempts of one call, the first included, each on a server not tried before; 1 turns failover off. */
  public ClusterClientOptions setMaxAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    return this;
  }

  public double getRetryBudgetRatio() {
    return retryBudgetRatio;
  }

  /** Retries allowed as a share of the calls made in the budget's window. */
  public ClusterClientOptions setRetryBudgetRatio(double ratio) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("retryBudgetRatio must be in 0..1, got " + ratio);
    }
    this.retryBudgetRatio = ratio;
    return this;
  }

  public int getRetryBudgetMinPerSecond() {
    return retryBudgetMinPerSecond;
  }

  /** Retries allowed per second on top of the ratio, so that a client making few calls can still retry. */
  public ClusterClientOptions setRetryBudgetMinPerSecond(int minPerSecond) {
    if (minPerSecond < 0) {
      throw new IllegalArgumentException("retryBudgetMinPerSecond must not be negative");
    }
    this.retryBudgetMinPerSecond = minPerSecond;
    return this;
  }

  public long getRetryBudgetWindowMillis() {
    return retryBudgetWindowMillis;
  }

  public ClusterClientOptions setRetryBudgetWindowMillis(long windowMillis) {
    if (windowMillis < 1_000) {
      throw new IllegalArgumentException("retryBudgetWindowMillis must be at least 1000, got " + windowMillis);
    }
    this.retryBudgetWindowMillis = windowMillis;
    return this;
  }

  public long getAttemptTimeoutMillis() {
    return attemptTimeoutMillis;
  }

  /**
   * A timeout of each attempt, shorter than the call's, so that an idempotent call that times out
   * on one server still has time for another. 0: each attempt may use what is left of the call's.
   */
  public ClusterClientOptions setAttemptTimeoutMillis(long attemptTimeoutMillis) {
    if (attemptTimeoutMillis < 0) {
      throw new IllegalArgumentException("attemptTimeoutMillis must not be negative");
    }
    this.attemptTimeoutMillis = attemptTimeoutMillis;
    return this;
  }

  public long getEmptyProtectionMillis() {
    return emptyProtectionMillis;
  }

  /**
   * How long an update that lists no server for a service that had servers is distrusted: the
   * last known servers stay in use until the update has held this long. 0 trusts it at once.
   */
  public ClusterClientOptions setEmptyProtectionMillis(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("emptyProtectionMillis must not be negative");
    }
    this.emptyProtectionMillis = millis;
    return this;
  }

  public long getProbeInitialMillis() {
    return probeInitialMillis;
  }

  /** The first wait before a server taken out of rotation for a failed connection is probed; it doubles after each failed probe. */
  public ClusterClientOptions setProbeInitialMillis(long millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("probeInitialMillis must be positive");
    }
    this.probeInitialMillis = millis;
    return this;
  }

  public long getProbeMaxMillis() {
    return probeMaxMillis;
  }

  public ClusterClientOptions setProbeMaxMillis(long millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("probeMaxMillis must be positive");
    }
    this.probeMaxMillis = millis;
    return this;
  }

  public int getTimeoutsToEject() {
    return timeoutsToEject;
  }

  /**
   * How many attempts in a row may time out on one server before it leaves the rotation, as a
   * server that is up but not answering (paused, stalled) does; probes bring it back once it
   * answers a handshake again. 0 turns this off.
   */
  public ClusterClientOptions setTimeoutsToEject(int timeouts) {
    if (timeouts < 0) {
      throw new IllegalArgumentException("timeoutsToEject must not be negative");
    }
    this.timeoutsToEject = timeouts;
    return this;
  }

  public long getMinAttemptMillis() {
    return minAttemptMillis;
  }

  /**
   * A retry, or a call that waited for a leader, is not sent with less than this left of its
   * deadline: it would reach the server with no time to run, and may run after its caller gave up.
   */
  public ClusterClientOptions setMinAttemptMillis(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("minAttemptMillis must not be negative");
    }
    this.minAttemptMillis = millis;
    return this;
  }
}
