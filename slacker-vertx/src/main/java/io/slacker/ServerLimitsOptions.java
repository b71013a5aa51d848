package io.slacker;

import io.slacker.impl.JsonFields;
import io.vertx.core.json.JsonObject;

/**
 * What a peer can make a {@link SlackerServer} hold, and for how long: memory budgets per
 * connection and per server, metadata limits, timeouts for connections and frames that stall,
 * and what the process does when it runs out of memory anyway. docs/security.md explains how
 * they combine.
 */
public class ServerLimitsOptions {

  /** Bytes one connection may hold: two requests of the maximum frame size at the default factor. */
  public static final long DEFAULT_MAX_CONNECTION_MEMORY = 64L * 1024 * 1024;
  /** 0: half of the JVM's maximum heap, read when the server is created. */
  public static final long DEFAULT_MAX_SERVER_MEMORY = 0;
  /**
   * A request of N bytes is charged N times this while it is held: frame, decoded arguments and
   * metadata. Measured: a JSON list of small ints costs 4 times its frame once decoded, CBOR or
   * Smile ints 7.3 times (docs/security.md has the table).
   */
  public static final int DEFAULT_REQUEST_MEMORY_FACTOR = 8;
  public static final int DEFAULT_MAX_METADATA_ENTRIES = 64;
  public static final int DEFAULT_MAX_METADATA_KEY_BYTES = 256;
  public static final int DEFAULT_MAX_METADATA_BYTES = 64 * 1024;
  /** A connection must complete its first frame within this. */
  public static final long DEFAULT_HANDSHAKE_TIMEOUT_MILLIS = 10_000;
  /** A frame whose first byte arrived must be complete within this. */
  public static final long DEFAULT_FRAME_TIMEOUT_MILLIS = 30_000;
  /** A connection with no call in flight for this long is told GOAWAY and closed. */
  public static final long DEFAULT_IDLE_TIMEOUT_MILLIS = 300_000;
  public static final boolean DEFAULT_EXIT_ON_OUT_OF_MEMORY = true;
  /** 0: no limit of Slacker's own, only the process's file descriptors. */
  public static final int DEFAULT_MAX_CONNECTIONS = 0;
  /** Service instances (a method's returned service, docs/protocol.md §12) one connection may hold at once. */
  public static final int DEFAULT_MAX_SERVICE_INSTANCES = 256;
  /** A service instance not called for this long is released, as vertx-service-proxy's default. */
  public static final long DEFAULT_SERVICE_INSTANCE_IDLE_TIMEOUT_MILLIS = 300_000;

  private long maxConnectionMemory;
  private long maxServerMemory;
  private int requestMemoryFactor;
  private int maxMetadataEntries;
  private int maxMetadataKeyBytes;
  private int maxMetadataBytes;
  private long handshakeTimeoutMillis;
  private long frameTimeoutMillis;
  private long idleTimeoutMillis;
  private boolean exitOnOutOfMemory;
  private int maxConnections;
  private int maxServiceInstances;
  private long serviceInstanceIdleTimeoutMillis;

  public ServerLimitsOptions() {
    maxConnectionMemory = DEFAULT_MAX_CONNECTION_MEMORY;
    maxServerMemory = DEFAULT_MAX_SERVER_MEMORY;
    requestMemoryFactor = DEFAULT_REQUEST_MEMORY_FACTOR;
    maxMetadataEntries = DEFAULT_MAX_METADATA_ENTRIES;
    maxMetadataKeyBytes = DEFAULT_MAX_METADATA_KEY_BYTES;
    maxMetadataBytes = DEFAULT_MAX_METADATA_BYTES;
    handshakeTimeoutMillis = DEFAULT_HANDSHAKE_TIMEOUT_MILLIS;
    frameTimeoutMillis = DEFAULT_FRAME_TIMEOUT_MILLIS;
    idleTimeoutMillis = DEFAULT_IDLE_TIMEOUT_MILLIS;
    exitOnOutOfMemory = DEFAULT_EXIT_ON_OUT_OF_MEMORY;
    maxConnections = DEFAULT_MAX_CONNECTIONS;
    maxServiceInstances = DEFAULT_MAX_SERVICE_INSTANCES;
    serviceInstanceIdleTimeoutMillis = DEFAULT_SERVICE_INSTANCE_IDLE_TIMEOUT_MILLIS;
  }

  public ServerLimitsOptions(ServerLimitsOptions other) {
    maxConnectionMemory = other.maxConnectionMemory;
    maxServerMemory = other.maxServerMemory;
    requestMemoryFactor = other.requestMemoryFactor;
    maxMetadataEntries = other.maxMetadataEntries;
    maxMetadataKeyBytes = other.maxMetadataKeyBytes;
    maxMetadataBytes = other.maxMetadataBytes;
    handshakeTimeoutMillis = other.handshakeTimeoutMillis;
    frameTimeoutMillis = other.frameTimeoutMillis;
    idleTimeoutMillis = other.idleTimeoutMillis;
    exitOnOutOfMemory = other.exitOnOutOfMemory;
    maxConnections = other.maxConnections;
    maxServiceInstances = other.maxServiceInstances;
    serviceInstanceIdleTimeoutMillis = other.serviceInstanceIdleTimeoutMillis;
  }

  public ServerLimitsOptions(JsonObject json) {
    this();
    setMaxConnectionMemory(JsonFields.getLong(json, "maxConnectionMemory", maxConnectionMemory));
    setMaxServerMemory(JsonFields.getLong(json, "maxServerMemory", maxServerMemory));
    setRequestMemoryFactor(JsonFields.getInteger(json, "requestMemoryFactor", requestMemoryFactor));
    setMaxMetadataEntries(JsonFields.getInteger(json, "maxMetadataEntries", maxMetadataEntries));
    setMaxMetadataKeyBytes(JsonFields.getInteger(json, "maxMetadataKeyBytes", maxMetadataKeyBytes));
    setMaxMetadataBytes(JsonFields.getInteger(json, "maxMetadataBytes", maxMetadataBytes));
    setHandshakeTimeoutMillis(JsonFields.getLong(json, "handshakeTimeoutMillis", handshakeTimeoutMillis));
    setFrameTimeoutMillis(JsonFields.getLong(json, "frameTimeoutMillis", frameTimeoutMillis));
    setIdleTimeoutMillis(JsonFields.getLong(json, "idleTimeoutMillis", idleTimeoutMillis));
    setExitOnOutOfMemory(JsonFields.getBoolean(json, "exitOnOutOfMemory", exitOnOutOfMemory));
    setMaxConnections(JsonFields.getInteger(json, "maxConnections", maxConnections));
    setMaxServiceInstances(JsonFields.getInteger(json, "maxServiceInstances", maxServiceInstances));
    setServiceInstanceIdleTimeoutMillis(JsonFields.getLong(json, "serviceInstanceIdleTimeoutMillis",
        serviceInstanceIdleTimeoutMillis));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("maxConnectionMemory", maxConnectionMemory)
        .put("maxServerMemory", maxServerMemory)
        .put("requestMemoryFactor", requestMemoryFactor)
        .put("maxMetadataEntries", maxMetadataEntries)
        .put("maxMetadataKeyBytes", maxMetadataKeyBytes)
        .put("maxMetadataBytes", maxMetadataBytes)
        .put("handshakeTimeoutMillis", handshakeTimeoutMillis)
        .put("frameTimeoutMillis", frameTimeoutMillis)
        .put("idleTimeoutMillis", idleTimeoutMillis)
        .put("exitOnOutOfMemory", exitOnOutOfMemory)
        .put("maxConnections", maxConnections)
        .put("maxServiceInstances", maxServiceInstances)
        .put("serviceInstanceIdleTimeoutMillis", serviceInstanceIdleTimeoutMillis);
  }

  public long getMaxConnectionMemory() {
    return maxConnectionMemory;
  }

  /**
   * Bytes one connection may hold at once: frames being read, requests in flight (each charged
   * its length times {@link #getRequestMemoryFactor()}) and responses not yet written. A request
   * that does not fit is answered {@link StatusCode#OVERLOADED} and its body is never stored.
   * Must fit one request of the maximum frame size: checked when the server is created.
   */
  public ServerLimitsOptions setMaxConnectionMemory(long maxConnectionMemory) {
    if (maxConnectionMemory < 1) {
      throw new IllegalArgumentException("maxConnectionMemory must be positive, got " + maxConnectionMemory);
    }
    this.maxConnectionMemory = maxConnectionMemory;
    return this;
  }

  public long getMaxServerMemory() {
    return maxServerMemory;
  }

  /** The same budget shared by all the server's connections; 0 (the default) is half the JVM's maximum heap. */
  public ServerLimitsOptions setMaxServerMemory(long maxServerMemory) {
    if (maxServerMemory < 0) {
      throw new IllegalArgumentException("maxServerMemory must not be negative, got " + maxServerMemory);
    }
    this.maxServerMemory = maxServerMemory;
    return this;
  }

  public int getRequestMemoryFactor() {
    return requestMemoryFactor;
  }

  /** What a request of N bytes is charged, in multiples of N, for its decoded arguments and metadata. */
  public ServerLimitsOptions setRequestMemoryFactor(int requestMemoryFactor) {
    if (requestMemoryFactor < 1) {
      throw new IllegalArgumentException("requestMemoryFactor must be at least 1, got " + requestMemoryFactor);
    }
    this.requestMemoryFactor = requestMemoryFactor;
    return this;
  }

  public int getMaxMetadataEntries() {
    return maxMetadataEntries;
  }

  /** Metadata entries one request may carry; more are answered {@link StatusCode#BAD_REQUEST}. */
  public ServerLimitsOptions setMaxMetadataEntries(int maxMetadataEntries) {
    if (maxMetadataEntries < 0 || maxMetadataEntries > 0xFFFF) {
      throw new IllegalArgumentException("maxMetadataEntries must be in 0..65535, got " + maxMetadataEntries);
    }
    this.maxMetadataEntries = maxMetadataEntries;
    return this;
  }

  public int getMaxMetadataKeyBytes() {
    return maxMetadataKeyBytes;
  }

  /** UTF-8 bytes of one metadata key; a longer key is answered {@link StatusCode#BAD_REQUEST}. */
  public ServerLimitsOptions setMaxMetadataKeyBytes(int maxMetadataKeyBytes) {
    if (maxMetadataKeyBytes < 1 || maxMetadataKeyBytes > 0xFFFF) {
      throw new IllegalArgumentException("maxMetadataKeyBytes must be in 1..65535, got " + maxMetadataKeyBytes);
    }
    this.maxMetadataKeyBytes = maxMetadataKeyBytes;
    return this;
  }

  public int getMaxMetadataBytes() {
    return maxMetadataBytes;
  }

  /** Bytes of one request's metadata block, keys and values together; more is answered {@link StatusCode#BAD_REQUEST}. */
  public ServerLimitsOptions setMaxMetadataBytes(int maxMetadataBytes) {
    if (maxMetadataBytes < 0) {
      throw new IllegalArgumentException("maxMetadataBytes must not be negative, got " + maxMetadataBytes);
    }
    this.maxMetadataBytes = maxMetadataBytes;
    return this;
  }

  public long getHandshakeTimeoutMillis() {
    return handshakeTimeoutMillis;
  }

  /** A new connection that has not completed a frame within this is closed; 0 disables it. */
  public ServerLimitsOptions setHandshakeTimeoutMillis(long handshakeTimeoutMillis) {
    if (handshakeTimeoutMillis < 0) {
      throw new IllegalArgumentException("handshakeTimeoutMillis must not be negative, got " + handshakeTimeoutMillis);
    }
    this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    return this;
  }

  public long getFrameTimeoutMillis() {
    return frameTimeoutMillis;
  }

  /**
   * A frame whose first bytes arrived must be complete within this, or the connection is closed
   * with {@link StatusCode#PROTOCOL_ERROR}; the time the server itself stops reading does not
   * count. 0 disables it.
   */
  public ServerLimitsOptions setFrameTimeoutMillis(long frameTimeoutMillis) {
    if (frameTimeoutMillis < 0) {
      throw new IllegalArgumentException("frameTimeoutMillis must not be negative, got " + frameTimeoutMillis);
    }
    this.frameTimeoutMillis = frameTimeoutMillis;
    return this;
  }

  public long getIdleTimeoutMillis() {
    return idleTimeoutMillis;
  }

  /**
   * A connection with no call in flight and no new request for this long is told GOAWAY and
   * closed, so its client opens a new one for its next call and loses nothing; pings do not count
   * as activity. 0 disables it.
   */
  public ServerLimitsOptions setIdleTimeoutMillis(long idleTimeoutMillis) {
    if (idleTimeoutMillis < 0) {
      throw new IllegalArgumentException("idleTimeoutMillis must not be negative, got " + idleTimeoutMillis);
    }
    this.idleTimeoutMillis = idleTimeoutMillis;
    return this;
  }

  public boolean isExitOnOutOfMemory() {
    return exitOnOutOfMemory;
  }

  /**
   * Whether an {@link OutOfMemoryError} (or another fatal JVM error) that reaches the server ends
   * the process with one line on standard error and exit status 3 (as {@code -XX:+ExitOnOutOfMemoryError}),
   * for a supervisor to restart it. Off, the failing call or connection is dropped and the server
   * goes on, at the risk of a JVM whose own threads were hit.
   */
  public ServerLimitsOptions setExitOnOutOfMemory(boolean exitOnOutOfMemory) {
    this.exitOnOutOfMemory = exitOnOutOfMemory;
    return this;
  }

  public int getMaxConnections() {
    return maxConnections;
  }

  /**
   * Connections the server keeps open at once, across its listeners; one more is answered
   * {@link StatusCode#OVERLOADED} on call id 0 and closed before anything of it is read, so that
   * a peer cannot take every file descriptor from the callers that matter. 0: no limit of its own.
   */
  public ServerLimitsOptions setMaxConnections(int maxConnections) {
    if (maxConnections < 0) {
      throw new IllegalArgumentException("maxConnections must not be negative, got " + maxConnections);
    }
    this.maxConnections = maxConnections;
    return this;
  }

  public int getMaxServiceInstances() {
    return maxServiceInstances;
  }

  /**
   * Service instances one connection may hold at once: the services that methods such as
   * {@code Future<Connection> connect()} return, each kept for its caller until released. A call
   * that would create one more fails {@link StatusCode#OVERLOADED}, and the instance it made is
   * closed. 0: no method may return a service instance.
   */
  public ServerLimitsOptions setMaxServiceInstances(int maxServiceInstances) {
    if (maxServiceInstances < 0) {
      throw new IllegalArgumentException("maxServiceInstances must not be negative, got " + maxServiceInstances);
    }
    this.maxServiceInstances = maxServiceInstances;
    return this;
  }

  public long getServiceInstanceIdleTimeoutMillis() {
    return serviceInstanceIdleTimeoutMillis;
  }

  /**
   * A service instance that has had no call for this long is released, its {@code @ProxyClose}
   * method run, as if its caller had closed it. 0 disables it: it then lives until it is closed
   * or its connection closes.
   */
  public ServerLimitsOptions setServiceInstanceIdleTimeoutMillis(long serviceInstanceIdleTimeoutMillis) {
    if (serviceInstanceIdleTimeoutMillis < 0) {
      throw new IllegalArgumentException("serviceInstanceIdleTimeoutMillis must not be negative, got "
          + serviceInstanceIdleTimeoutMillis);
    }
    this.serviceInstanceIdleTimeoutMillis = serviceInstanceIdleTimeoutMillis;
    return this;
  }
}
