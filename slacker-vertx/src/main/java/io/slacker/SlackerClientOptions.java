package io.slacker;

import io.slacker.impl.JsonFields;
import io.slacker.impl.TlsOptionsJson;
import io.slacker.cluster.ClusterClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.SSLEngineOptions;

import java.util.Objects;

/** Options of a {@link SlackerClient}. */
public class SlackerClientOptions {

  public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
  public static final long DEFAULT_CALL_TIMEOUT_MILLIS = 10_000;
  public static final int DEFAULT_MAX_FRAME_SIZE = SlackerServerOptions.DEFAULT_MAX_FRAME_SIZE;
  public static final int DEFAULT_MAX_CALLS_IN_FLIGHT = 4_096;
  public static final long DEFAULT_KEEP_ALIVE_INTERVAL_MILLIS = 30_000;
  public static final long DEFAULT_KEEP_ALIVE_TIMEOUT_MILLIS = 10_000;
  public static final long DEFAULT_RECONNECT_BACKOFF_INITIAL_MILLIS = 100;
  public static final long DEFAULT_RECONNECT_BACKOFF_MAX_MILLIS = 10_000;
  /** Chosen from the measurement recorded in docs/benchmarks.md. */
  public static final String DEFAULT_SERIALIZATION = "smile";
  /** Plain TCP to the servers named directly, unless TLS is asked for. */
  public static final boolean DEFAULT_SSL = false;
  /**
   * The client checks that the server's certificate names the host it connects to, as HTTPS
   * does; {@code ""} turns the check off.
   */
  public static final String DEFAULT_HOSTNAME_VERIFICATION_ALGORITHM = "HTTPS";

  /** The longest {@link #setName(String) name} a client announces. */
  public static final int MAX_NAME_LENGTH = 128;

  /** As Vert.x's own clients and servers: a span only for a call that is part of a trace already. */
  public static final TracingPolicy DEFAULT_TRACING_POLICY = TracingPolicy.PROPAGATE;

  private long connectTimeoutMillis;
  private long callTimeoutMillis;
  private int maxFrameSize;
  private int maxCallsInFlight;
  private long keepAliveIntervalMillis;
  private long keepAliveTimeoutMillis;
  private long reconnectBackoffInitialMillis;
  private long reconnectBackoffMaxMillis;
  private String serialization;
  private ClusterClientOptions cluster;
  private boolean ssl;
  private SlackerMetricsOptions metrics;
  private ClientSSLOptions sslOptions;
  private SSLEngineOptions sslEngineOptions;
  private String name;
  private TracingPolicy tracingPolicy;

  public SlackerClientOptions() {
    connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
    callTimeoutMillis = DEFAULT_CALL_TIMEOUT_MILLIS;
    maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
    maxCallsInFlight = DEFAULT_MAX_CALLS_IN_FLIGHT;
    keepAliveIntervalMillis = DEFAULT_KEEP_ALIVE_INTERVAL_MILLIS;
    keepAliveTimeoutMillis = DEFAULT_KEEP_ALIVE_TIMEOUT_MILLIS;
    reconnectBackoffInitialMillis = DEFAULT_RECONNECT_BACKOFF_INITIAL_MILLIS;
    reconnectBackoffMaxMillis = DEFAULT_RECONNECT_BACKOFF_MAX_MILLIS;
    serialization = DEFAULT_SERIALIZATION;
    cluster = new ClusterClientOptions();
    ssl = DEFAULT_SSL;
    metrics = new SlackerMetricsOptions();
    sslOptions = new ClientSSLOptions().setHostnameVerificationAlgorithm(DEFAULT_HOSTNAME_VERIFICATION_ALGORITHM);
    tracingPolicy = DEFAULT_TRACING_POLICY;
  }

  public SlackerClientOptions(SlackerClientOptions other) {
    connectTimeoutMillis = other.connectTimeoutMillis;
    callTimeoutMillis = other.callTimeoutMillis;
    maxFrameSize = other.maxFrameSize;
    maxCallsInFlight = other.maxCallsInFlight;
    keepAliveIntervalMillis = other.keepAliveIntervalMillis;
    keepAliveTimeoutMillis = other.keepAliveTimeoutMillis;
    reconnectBackoffInitialMillis = other.reconnectBackoffInitialMillis;
    reconnectBackoffMaxMillis = other.reconnectBackoffMaxMillis;
    serialization = other.serialization;
    cluster = new ClusterClientOptions(other.cluster);
    ssl = other.ssl;
    metrics = new SlackerMetricsOptions(other.metrics);
    sslOptions = other.sslOptions.copy();
    sslEngineOptions = other.sslEngineOptions == null ? null : other.sslEngineOptions.copy();
    tracingPolicy = other.tracingPolicy;
    name = other.name;
  }

  public SlackerClientOptions(JsonObject json) {
    this();
    setConnectTimeoutMillis(JsonFields.getLong(json, "connectTimeoutMillis", connectTimeoutMillis));
    setCallTimeoutMillis(JsonFields.getLong(json, "callTimeoutMillis", callTimeoutMillis));
    setMaxFrameSize(JsonFields.getInteger(json, "maxFrameSize", maxFrameSize));
    setMaxCallsInFlight(JsonFields.getInteger(json, "maxCallsInFlight", maxCallsInFlight));
    setKeepAliveIntervalMillis(JsonFields.getLong(json, "keepAliveIntervalMillis", keepAliveIntervalMillis));
    setKeepAliveTimeoutMillis(JsonFields.getLong(json, "keepAliveTimeoutMillis", keepAliveTimeoutMillis));
    setReconnectBackoffInitialMillis(JsonFields.getLong(json, "reconnectBackoffInitialMillis", reconnectBackoffInitialMillis));
    setReconnectBackoffMaxMillis(JsonFields.getLong(json, "reconnectBackoffMaxMillis", reconnectBackoffMaxMillis));
    setSerialization(JsonFields.getString(json, "serialization", serialization));
    JsonObject clusterJson = JsonFields.getJsonObject(json, "cluster");
    if (clusterJson != null) {
      setCluster(JsonFields.nested("cluster", () -> new ClusterClientOptions(clusterJson)));
    }
    setSsl(JsonFields.getBoolean(json, "ssl", ssl));
    JsonObject metricsJson = JsonFields.getJsonObject(json, "metrics");
    if (metricsJson != null) {
      setMetrics(JsonFields.nested("metrics", () -> new SlackerMetricsOptions(metricsJson)));
    }
    JsonObject sslJson = JsonFields.getJsonObject(json, "sslOptions");
    if (sslJson != null) {
      setSslOptions(TlsOptionsJson.client("sslOptions", sslJson));
    }
    setSslEngineOptions(TlsOptionsJson.engine(json));
    setTracingPolicy(JsonFields.getEnum(json, "tracingPolicy", TracingPolicy.class, tracingPolicy));
    setName(JsonFields.getString(json, "name", name));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("connectTimeoutMillis", connectTimeoutMillis)
        .put("callTimeoutMillis", callTimeoutMillis)
        .put("maxFrameSize", maxFrameSize)
        .put("maxCallsInFlight", maxCallsInFlight)
        .put("keepAliveIntervalMillis", keepAliveIntervalMillis)
        .put("keepAliveTimeoutMillis", keepAliveTimeoutMillis)
        .put("reconnectBackoffInitialMillis", reconnectBackoffInitialMillis)
        .put("reconnectBackoffMaxMillis", reconnectBackoffMaxMillis)
        .put("serialization", serialization)
        .put("cluster", cluster.toJson())
        .put("ssl", ssl)
        .put("metrics", metrics.toJson())
        .put("sslOptions", TlsOptionsJson.toJson(sslOptions));
    json.put("tracingPolicy", tracingPolicy.name());
    if (name != null) {
      json.put("name", name);
    }
    return TlsOptionsJson.putEngine(json, sslEngineOptions);
  }

  /** @return the name the client announces to servers, {@code null} for none */
  public String getName() {
    return name;
  }

  /**
   * The name the client announces in its {@code HELLO}, with Slacker's version: servers show it
   * among their connected clients (describe), so operators can tell who is connected. At most
   * {@value #MAX_NAME_LENGTH} characters; {@code null} (the default) announces none.
   */
  public SlackerClientOptions setName(String name) {
    if (name != null && name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("name must be at most " + MAX_NAME_LENGTH + " characters, got " + name.length());
    }
    this.name = name == null || name.isEmpty() ? null : name;
    return this;
  }

  public long getConnectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  public SlackerClientOptions setConnectTimeoutMillis(long connectTimeoutMillis) {
    requirePositive("connectTimeoutMillis", connectTimeoutMillis);
    this.connectTimeoutMillis = connectTimeoutMillis;
    return this;
  }

  public long getCallTimeoutMillis() {
    return callTimeoutMillis;
  }

  /** The timeout of a call that sets none itself; it travels to the server as the call's deadline. */
  public SlackerClientOptions setCallTimeoutMillis(long callTimeoutMillis) {
    requirePositive("callTimeoutMillis", callTimeoutMillis);
    this.callTimeoutMillis = callTimeoutMillis;
    return this;
  }

  public int getMaxFrameSize() {
    return maxFrameSize;
  }

  public SlackerClientOptions setMaxFrameSize(int maxFrameSize) {
    if (maxFrameSize < 64) {
      throw new IllegalArgumentException("maxFrameSize must be at least 64 bytes, got " + maxFrameSize);
    }
    this.maxFrameSize = maxFrameSize;
    return this;
  }

  public int getMaxCallsInFlight() {
    return maxCallsInFlight;
  }

  /** Calls awaiting an answer on one connection; past it a call fails fast with {@link StatusCode#OVERLOADED}. */
  public SlackerClientOptions setMaxCallsInFlight(int maxCallsInFlight) {
    requirePositive("maxCallsInFlight", maxCallsInFlight);
    this.maxCallsInFlight = maxCallsInFlight;
    return this;
  }

  public long getKeepAliveIntervalMillis() {
    return keepAliveIntervalMillis;
  }

  /** How often a connection sends a ping. */
  public SlackerClientOptions setKeepAliveIntervalMillis(long keepAliveIntervalMillis) {
    requirePositive("keepAliveIntervalMillis", keepAliveIntervalMillis);
    this.keepAliveIntervalMillis = keepAliveIntervalMillis;
    return this;
  }

  public long getKeepAliveTimeoutMillis() {
    return keepAliveTimeoutMillis;
  }

  /** A pong that does not come within this time closes the connection. */
  public SlackerClientOptions setKeepAliveTimeoutMillis(long keepAliveTimeoutMillis) {
    requirePositive("keepAliveTimeoutMillis", keepAliveTimeoutMillis);
    this.keepAliveTimeoutMillis = keepAliveTimeoutMillis;
    return this;
  }

  public long getReconnectBackoffInitialMillis() {
    return reconnectBackoffInitialMillis;
  }

  /** The wait after a first failed connect; it doubles with each further failure. */
  public SlackerClientOptions setReconnectBackoffInitialMillis(long millis) {
    requirePositive("reconnectBackoffInitialMillis", millis);
    this.reconnectBackoffInitialMillis = millis;
    return this;
  }

  public long getReconnectBackoffMaxMillis() {
    return reconnectBackoffMaxMillis;
  }

  public SlackerClientOptions setReconnectBackoffMaxMillis(long millis) {
    requirePositive("reconnectBackoffMaxMillis", millis);
    this.reconnectBackoffMaxMillis = millis;
    return this;
  }

  public String getSerialization() {
    return serialization;
  }

  /** The serialization of calls that name none: {@code json}, {@code smile} or {@code cbor}. */
  public SlackerClientOptions setSerialization(String serialization) {
    if (serialization == null || serialization.isEmpty()) {
      throw new IllegalArgumentException("serialization must not be empty");
    }
    this.serialization = serialization;
    return this;
  }

  public ClusterClientOptions getCluster() {
    return cluster;
  }

  /** Grouping, load balancing and failover of a client created with a discovery. */
  public SlackerClientOptions setCluster(ClusterClientOptions cluster) {
    if (cluster == null) {
      throw new IllegalArgumentException("cluster must not be null");
    }
    this.cluster = cluster;
    return this;
  }

  public SlackerMetricsOptions getMetrics() {
    return metrics;
  }

  /** How calls are measured when a metrics implementation is on the class path (docs/observability.md). */
  public SlackerClientOptions setMetrics(SlackerMetricsOptions metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    return this;
  }

  public boolean isSsl() {
    return ssl;
  }

  /**
   * Whether this client uses TLS, configured by {@link #getSslOptions()}. It connects with TLS to
   * the servers it is told to call directly; with a discovery, it follows each server's
   * registration instead: TLS to a server that requires it, plain TCP to one that does not. A
   * client without TLS refuses to call a server whose registration requires it.
   */
  public SlackerClientOptions setSsl(boolean ssl) {
    this.ssl = ssl;
    return this;
  }

  public ClientSSLOptions getSslOptions() {
    return sslOptions;
  }

  /**
   * The client's TLS settings, used when it connects with TLS: the certificate authorities it
   * trusts ({@code PemTrustOptions}, {@code JksOptions} or {@code PfxOptions}; none means the JDK's
   * default trust store), and for mutual TLS its own key and certificate. A hostname verification
   * algorithm left {@code null}, as Vert.x's {@code ClientSSLOptions} leaves it, means
   * {@value #DEFAULT_HOSTNAME_VERIFICATION_ALGORITHM}; set {@code ""} to turn the check off.
   * Replace them while the client runs with {@link SlackerClient#updateSSLOptions}.
   */
  public SlackerClientOptions setSslOptions(ClientSSLOptions sslOptions) {
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
  public SlackerClientOptions setSslEngineOptions(SSLEngineOptions sslEngineOptions) {
    this.sslEngineOptions = sslEngineOptions;
    return this;
  }

  public TracingPolicy getTracingPolicy() {
    return tracingPolicy;
  }

  /**
   * When the client reports a span for a call to Vert.x's tracer (OpenTelemetry, Zipkin): {@code PROPAGATE}
   * (the default) when the caller is part of a trace, {@code ALWAYS} also starting a trace, {@code IGNORE} never;
   * see docs/observability.md. Without a tracer in the {@code VertxOptions} nothing is reported whatever it says.
   */
  public SlackerClientOptions setTracingPolicy(TracingPolicy tracingPolicy) {
    if (tracingPolicy == null) {
      throw new IllegalArgumentException("tracingPolicy must not be null");
    }
    this.tracingPolicy = tracingPolicy;
    return this;
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
