package io.slacker;

import io.slacker.impl.JsonFields;
import io.slacker.impl.TlsOptionsJson;
import io.slacker.cluster.ClusterServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.core.net.SSLEngineOptions;
import io.vertx.core.net.ServerSSLOptions;

import java.util.Objects;

/** Options of a {@link SlackerServer}. */
public class SlackerServerOptions {

  public static final String DEFAULT_HOST = "0.0.0.0";
  /** The port of the original slacker. */
  public static final int DEFAULT_PORT = 2104;
  /** gRPC's default inbound message limit; docs/security.md shows how it combines with the memory budgets. */
  public static final int DEFAULT_MAX_FRAME_SIZE = 4 * 1024 * 1024;
  public static final int DEFAULT_MAX_CALLS_IN_FLIGHT_PER_CONNECTION = 10_000;
  public static final int DEFAULT_BLOCKING_POOL_SIZE = 20;
  public static final int DEFAULT_BLOCKING_QUEUE_SIZE = 1_000;
  public static final long DEFAULT_SHUTDOWN_TIMEOUT_MILLIS = 30_000;
  /** Long enough for requests a client sent before it saw GOAWAY to arrive and be answered. */
  public static final long DEFAULT_GOAWAY_LINGER_MILLIS = 2_000;
  /**
   * Time for the calls in flight of a client that half-closed (sent its FIN) to be answered: a
   * client that only stopped sending gets its answers, one that is gone holds nothing for long.
   */
  public static final long DEFAULT_HALF_CLOSE_TIMEOUT_MILLIS = 5_000;
  /**
   * 0: the server listens on the event loop that calls {@code listen()} (a verticle's, so its
   * services run on that verticle's context); called from outside Vert.x, on one event loop per core.
   */
  public static final int DEFAULT_EVENT_LOOPS = 0;
  /** Plain TCP unless TLS is asked for. */
  public static final boolean DEFAULT_SSL = false;
  /** Without authentication configured, the built-in admin operations are refused. */
  public static final boolean DEFAULT_ADMIN_WITHOUT_AUTHORIZATION = false;

  /** As Vert.x's own clients and servers: a span only for a call that is part of a trace already. */
  public static final TracingPolicy DEFAULT_TRACING_POLICY = TracingPolicy.PROPAGATE;

  private String host;
  private int port;
  private int maxFrameSize;
  private int maxCallsInFlightPerConnection;
  private int blockingPoolSize;
  private int blockingQueueSize;
  private long shutdownTimeoutMillis;
  private long goawayLingerMillis;
  private long halfCloseTimeoutMillis;
  private ClusterServerOptions cluster;
  private int eventLoops;
  private ServerLimitsOptions limits;
  private boolean ssl;
  private SlackerMetricsOptions metrics;
  private boolean adminWithoutAuthorization;
  private ServerSSLOptions sslOptions;
  private SSLEngineOptions sslEngineOptions;
  private TracingPolicy tracingPolicy;

  public SlackerServerOptions() {
    host = DEFAULT_HOST;
    port = DEFAULT_PORT;
    maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
    maxCallsInFlightPerConnection = DEFAULT_MAX_CALLS_IN_FLIGHT_PER_CONNECTION;
    blockingPoolSize = DEFAULT_BLOCKING_POOL_SIZE;
    blockingQueueSize = DEFAULT_BLOCKING_QUEUE_SIZE;
    shutdownTimeoutMillis = DEFAULT_SHUTDOWN_TIMEOUT_MILLIS;
    goawayLingerMillis = DEFAULT_GOAWAY_LINGER_MILLIS;
    halfCloseTimeoutMillis = DEFAULT_HALF_CLOSE_TIMEOUT_MILLIS;
    cluster = new ClusterServerOptions();
    eventLoops = DEFAULT_EVENT_LOOPS;
    limits = new ServerLimitsOptions();
    ssl = DEFAULT_SSL;
    metrics = new SlackerMetricsOptions();
    adminWithoutAuthorization = DEFAULT_ADMIN_WITHOUT_AUTHORIZATION;
    sslOptions = new ServerSSLOptions();
    tracingPolicy = DEFAULT_TRACING_POLICY;
  }

  public SlackerServerOptions(SlackerServerOptions other) {
    host = other.host;
    port = other.port;
    maxFrameSize = other.maxFrameSize;
    maxCallsInFlightPerConnection = other.maxCallsInFlightPerConnection;
    blockingPoolSize = other.blockingPoolSize;
    blockingQueueSize = other.blockingQueueSize;
    shutdownTimeoutMillis = other.shutdownTimeoutMillis;
    goawayLingerMillis = other.goawayLingerMillis;
    halfCloseTimeoutMillis = other.halfCloseTimeoutMillis;
    cluster = new ClusterServerOptions(other.cluster);
    eventLoops = other.eventLoops;
    limits = new ServerLimitsOptions(other.limits);
    ssl = other.ssl;
    metrics = new SlackerMetricsOptions(other.metrics);
    adminWithoutAuthorization = other.adminWithoutAuthorization;
    sslOptions = other.sslOptions.copy();
    sslEngineOptions = other.sslEngineOptions == null ? null : other.sslEngineOptions.copy();
    tracingPolicy = other.tracingPolicy;
  }

  public SlackerServerOptions(JsonObject json) {
    this();
    setHost(JsonFields.getString(json, "host", host));
    setPort(JsonFields.getInteger(json, "port", port));
    setMaxFrameSize(JsonFields.getInteger(json, "maxFrameSize", maxFrameSize));
    setMaxCallsInFlightPerConnection(JsonFields.getInteger(json, "maxCallsInFlightPerConnection", maxCallsInFlightPerConnection));
    setBlockingPoolSize(JsonFields.getInteger(json, "blockingPoolSize", blockingPoolSize));
    setBlockingQueueSize(JsonFields.getInteger(json, "blockingQueueSize", blockingQueueSize));
    setShutdownTimeoutMillis(JsonFields.getLong(json, "shutdownTimeoutMillis", shutdownTimeoutMillis));
    setGoawayLingerMillis(JsonFields.getLong(json, "goawayLingerMillis", goawayLingerMillis));
    setHalfCloseTimeoutMillis(JsonFields.getLong(json, "halfCloseTimeoutMillis", halfCloseTimeoutMillis));
    JsonObject clusterJson = JsonFields.getJsonObject(json, "cluster");
    if (clusterJson != null) {
      setCluster(JsonFields.nested("cluster", () -> new ClusterServerOptions(clusterJson)));
    }
    setEventLoops(JsonFields.getInteger(json, "eventLoops", eventLoops));
    JsonObject limitsJson = JsonFields.getJsonObject(json, "limits");
    if (limitsJson != null) {
      setLimits(JsonFields.nested("limits", () -> new ServerLimitsOptions(limitsJson)));
    }
    setSsl(JsonFields.getBoolean(json, "ssl", ssl));
    JsonObject metricsJson = JsonFields.getJsonObject(json, "metrics");
    if (metricsJson != null) {
      setMetrics(JsonFields.nested("metrics", () -> new SlackerMetricsOptions(metricsJson)));
    }
    setAdminWithoutAuthorization(JsonFields.getBoolean(json, "adminWithoutAuthorization", adminWithoutAuthorization));
    JsonObject sslJson = JsonFields.getJsonObject(json, "sslOptions");
    if (sslJson != null) {
      setSslOptions(TlsOptionsJson.server("sslOptions", sslJson));
    }
    setSslEngineOptions(TlsOptionsJson.engine(json));
    setTracingPolicy(JsonFields.getEnum(json, "tracingPolicy", TracingPolicy.class, tracingPolicy));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("host", host)
        .put("port", port)
        .put("maxFrameSize", maxFrameSize)
        .put("maxCallsInFlightPerConnection", maxCallsInFlightPerConnection)
        .put("blockingPoolSize", blockingPoolSize)
        .put("blockingQueueSize", blockingQueueSize)
        .put("shutdownTimeoutMillis", shutdownTimeoutMillis)
        .put("goawayLingerMillis", goawayLingerMillis)
        .put("halfCloseTimeoutMillis", halfCloseTimeoutMillis)
        .put("cluster", cluster.toJson())
        .put("eventLoops", eventLoops)
        .put("limits", limits.toJson())
        .put("ssl", ssl)
        .put("metrics", metrics.toJson())
        .put("adminWithoutAuthorization", adminWithoutAuthorization)
        .put("sslOptions", TlsOptionsJson.toJson(sslOptions));
    json.put("tracingPolicy", tracingPolicy.name());
    return TlsOptionsJson.putEngine(json, sslEngineOptions);
  }

  public String getHost() {
    return host;
  }

  public SlackerServerOptions setHost(String host) {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    this.host = host;
    return this;
  }

  public int getPort() {
    return port;
  }

  /** @param port the TCP port, or 0 to pick a free one (read it back with {@link SlackerServer#actualPort()}) */
  public SlackerServerOptions setPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, got " + port);
    }
    this.port = port;
    return this;
  }

  public int getMaxFrameSize() {
    return maxFrameSize;
  }

  /** The largest frame accepted, in bytes after the length field; a longer frame closes the connection. */
  public SlackerServerOptions setMaxFrameSize(int maxFrameSize) {
    if (maxFrameSize < 64) {
      throw new IllegalArgumentException("maxFrameSize must be at least 64 bytes, got " + maxFrameSize);
    }
    this.maxFrameSize = maxFrameSize;
    return this;
  }

  public int getMaxCallsInFlightPerConnection() {
    return maxCallsInFlightPerConnection;
  }

  /** Calls running at once on one connection; past it a call fails with {@link StatusCode#OVERLOADED}. */
  public SlackerServerOptions setMaxCallsInFlightPerConnection(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxCallsInFlightPerConnection must be positive, got " + max);
    }
    this.maxCallsInFlightPerConnection = max;
    return this;
  }

  public int getBlockingPoolSize() {
    return blockingPoolSize;
  }

  /** Worker threads that run methods marked blocking. */
  public SlackerServerOptions setBlockingPoolSize(int blockingPoolSize) {
    if (blockingPoolSize < 1) {
      throw new IllegalArgumentException("blockingPoolSize must be positive, got " + blockingPoolSize);
    }
    this.blockingPoolSize = blockingPoolSize;
    return this;
  }

  public int getBlockingQueueSize() {
    return blockingQueueSize;
  }

  /**
   * Blocking calls accepted at once (running plus waiting for a worker); past it a call fails
   * with {@link StatusCode#OVERLOADED} instead of queueing without bound.
   */
  public SlackerServerOptions setBlockingQueueSize(int blockingQueueSize) {
    if (blockingQueueSize < 1) {
      throw new IllegalArgumentException("blockingQueueSize must be positive, got " + blockingQueueSize);
    }
    this.blockingQueueSize = blockingQueueSize;
    return this;
  }

  public long getShutdownTimeoutMillis() {
    return shutdownTimeoutMillis;
  }

  /** How long {@link SlackerServer#shutdown()} waits for calls in flight before it closes connections. */
  public SlackerServerOptions setShutdownTimeoutMillis(long shutdownTimeoutMillis) {
    if (shutdownTimeoutMillis < 0) {
      throw new IllegalArgumentException("shutdownTimeoutMillis must not be negative");
    }
    this.shutdownTimeoutMillis = shutdownTimeoutMillis;
    return this;
  }

  public long getGoawayLingerMillis() {
    return goawayLingerMillis;
  }

  /**
   * How long a connection told GOAWAY stays open for the requests its client sent before it saw
   * the GOAWAY; they are answered UNAVAILABLE ("not run"). A client that closes ends it sooner, and
   * the shutdown timeout bounds it.
   */
  public SlackerServerOptions setGoawayLingerMillis(long goawayLingerMillis) {
    if (goawayLingerMillis < 0) {
      throw new IllegalArgumentException("goawayLingerMillis must not be negative");
    }
    this.goawayLingerMillis = goawayLingerMillis;
    return this;
  }

  public long getHalfCloseTimeoutMillis() {
    return halfCloseTimeoutMillis;
  }

  /**
   * How long the server keeps a connection whose client half-closed it (sent its FIN): it reads
   * nothing more, answers the calls in flight and closes once they are done, or when this time is
   * over, cancelling those still running. 0 closes at once, cancelling every call in flight.
   */
  public SlackerServerOptions setHalfCloseTimeoutMillis(long halfCloseTimeoutMillis) {
    if (halfCloseTimeoutMillis < 0) {
      throw new IllegalArgumentException("halfCloseTimeoutMillis must not be negative");
    }
    this.halfCloseTimeoutMillis = halfCloseTimeoutMillis;
    return this;
  }

  public ClusterServerOptions getCluster() {
    return cluster;
  }

  /** How a server created with a discovery publishes itself: advertised address, server data, leader-routed services. */
  public SlackerServerOptions setCluster(ClusterServerOptions cluster) {
    if (cluster == null) {
      throw new IllegalArgumentException("cluster must not be null");
    }
    this.cluster = cluster;
    return this;
  }

  public int getEventLoops() {
    return eventLoops;
  }

  /**
   * How many event loops of the server's own accept and serve connections; each connection stays
   * on one of them, and methods then run on several event loops at once. 0 (the default) listens
   * on the caller's event loop when {@code listen()} is called on one, as in a verticle: scale
   * that the Vert.x way, with more verticle instances on the same port.
   */
  public SlackerServerOptions setEventLoops(int eventLoops) {
    if (eventLoops < 0) {
      throw new IllegalArgumentException("eventLoops must not be negative, got " + eventLoops);
    }
    this.eventLoops = eventLoops;
    return this;
  }

  public ServerLimitsOptions getLimits() {
    return limits;
  }

  /** Memory budgets, metadata limits, timeouts and the reaction to running out of memory: see docs/security.md. */
  public SlackerServerOptions setLimits(ServerLimitsOptions limits) {
    if (limits == null) {
      throw new IllegalArgumentException("limits must not be null");
    }
    this.limits = limits;
    return this;
  }

  public boolean isAdminWithoutAuthorization() {
    return adminWithoutAuthorization;
  }

  /**
   * Whether a server that authenticates no caller lets anyone use the built-in admin operations
   * of {@code slacker.Server} (offline, online, server data, shutdown; see
   * {@link io.slacker.admin.SlackerAdmin}). Off by default: such a server refuses them with
   * {@code PERMISSION_DENIED}. Turn it on only where the network itself keeps strangers out. A
   * server with authentication ignores it: the caller needs {@link SlackerPermissions#ADMIN}.
   */
  public SlackerServerOptions setAdminWithoutAuthorization(boolean adminWithoutAuthorization) {
    this.adminWithoutAuthorization = adminWithoutAuthorization;
    return this;
  }

  public SlackerMetricsOptions getMetrics() {
    return metrics;
  }

  /** How calls are measured when a metrics implementation is on the class path (docs/observability.md). */
  public SlackerServerOptions setMetrics(SlackerMetricsOptions metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    return this;
  }

  public boolean isSsl() {
    return ssl;
  }

  /**
   * Whether the server accepts TLS connections only, configured by {@link #getSslOptions()}; a
   * server in a cluster says so in its registration, and clients connect to it with TLS.
   */
  public SlackerServerOptions setSsl(boolean ssl) {
    this.ssl = ssl;
    return this;
  }

  public ServerSSLOptions getSslOptions() {
    return sslOptions;
  }

  /**
   * The server's TLS material and settings, used when {@link #isSsl()}: its key and certificate
   * ({@code PemKeyCertOptions}, {@code JksOptions} or {@code PfxOptions}; required), and, for mutual
   * TLS, the certificate authorities it trusts for clients with {@code setClientAuth(ClientAuth.REQUIRED)}.
   * Replace them while the server runs with {@link SlackerServer#updateSSLOptions}.
   */
  public SlackerServerOptions setSslOptions(ServerSSLOptions sslOptions) {
    if (sslOptions == null) {
      throw new IllegalArgumentException("sslOptions must not be null");
    }
    this.sslOptions = sslOptions;
    return this;
  }

  public SSLEngineOptions getSslEngineOptions() {
    return sslEngineOptions;
  }

  /**
   * The TLS engine: {@code null} (the default) for the JDK's, or {@code OpenSSLEngineOptions},
   * which needs {@code io.netty:netty-tcnative-boringssl-static} on the class path.
   */
  public SlackerServerOptions setSslEngineOptions(SSLEngineOptions sslEngineOptions) {
    this.sslEngineOptions = sslEngineOptions;
    return this;
  }

  public TracingPolicy getTracingPolicy() {
    return tracingPolicy;
  }

  /**
   * When the server reports a span for a call to Vert.x's tracer (OpenTelemetry, Zipkin): {@code PROPAGATE}
   * (the default) when the request carries a trace context, {@code ALWAYS} also starting a trace, {@code IGNORE}
   * never; see docs/observability.md. Without a tracer in the {@code VertxOptions} nothing is reported.
   */
  public SlackerServerOptions setTracingPolicy(TracingPolicy tracingPolicy) {
    if (tracingPolicy == null) {
      throw new IllegalArgumentException("tracingPolicy must not be null");
    }
    this.tracingPolicy = tracingPolicy;
    return this;
  }
}
