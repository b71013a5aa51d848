package io.slacker.web;

import io.slacker.cluster.impl.ServerAddresses;
import io.slacker.impl.JsonFields;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;

/** Options of a {@link SlackerGateway}. */
public class SlackerGatewayOptions {

  /** A request body over this is answered 413 without being read further. */
  public static final long DEFAULT_MAX_BODY_SIZE = 1024 * 1024;
  /** 0: a call without a timeout header gets the method's {@code @Timeout}, else the client's call timeout. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 0;
  /** The longest deadline an HTTP caller may ask for; a longer timeout header is answered 400. */
  public static final long DEFAULT_MAX_TIMEOUT_MILLIS = 60_000;
  /** How long a server's description (parameter names, for calls by name) is reused before it is asked again. */
  public static final long DEFAULT_DESCRIBE_CACHE_MILLIS = 30_000;
  /** The {@code Retry-After} of a 429 answer to an overloaded server. */
  public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;

  private long maxBodySize;
  private SocketAddress server;
  private long defaultTimeoutMillis;
  private long maxTimeoutMillis;
  private long describeCacheMillis;
  private int retryAfterSeconds;

  public SlackerGatewayOptions() {
    maxBodySize = DEFAULT_MAX_BODY_SIZE;
    defaultTimeoutMillis = DEFAULT_TIMEOUT_MILLIS;
    maxTimeoutMillis = DEFAULT_MAX_TIMEOUT_MILLIS;
    describeCacheMillis = DEFAULT_DESCRIBE_CACHE_MILLIS;
    retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
  }

  public SlackerGatewayOptions(SlackerGatewayOptions other) {
    maxBodySize = other.maxBodySize;
    server = other.server;
    defaultTimeoutMillis = other.defaultTimeoutMillis;
    maxTimeoutMillis = other.maxTimeoutMillis;
    describeCacheMillis = other.describeCacheMillis;
    retryAfterSeconds = other.retryAfterSeconds;
  }

  /** @throws IllegalArgumentException naming the key of a value of the wrong type or out of range */
  public SlackerGatewayOptions(JsonObject json) {
    this();
    setMaxBodySize(JsonFields.getLong(json, "maxBodySize", maxBodySize));
    String address = JsonFields.getString(json, "server");
    if (address != null) {
      SocketAddress parsed = ServerAddresses.parse(address);
      if (parsed == null) {
        throw new IllegalArgumentException("server must be host:port, got \"" + address + "\"");
      }
      setServer(parsed);
    }
    setDefaultTimeoutMillis(JsonFields.getLong(json, "defaultTimeoutMillis", defaultTimeoutMillis));
    setMaxTimeoutMillis(JsonFields.getLong(json, "maxTimeoutMillis", maxTimeoutMillis));
    setDescribeCacheMillis(JsonFields.getLong(json, "describeCacheMillis", describeCacheMillis));
    setRetryAfterSeconds(JsonFields.getInteger(json, "retryAfterSeconds", retryAfterSeconds));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("maxBodySize", maxBodySize);
    if (server != null) {
      json.put("server", server.host() + ":" + server.port());
    }
    return json.put("defaultTimeoutMillis", defaultTimeoutMillis)
        .put("maxTimeoutMillis", maxTimeoutMillis)
        .put("describeCacheMillis", describeCacheMillis)
        .put("retryAfterSeconds", retryAfterSeconds);
  }

  public long getMaxBodySize() {
    return maxBodySize;
  }

  /** The largest request body in bytes; a larger one is answered 413. */
  public SlackerGatewayOptions setMaxBodySize(long maxBodySize) {
    if (maxBodySize <= 0) {
      throw new IllegalArgumentException("maxBodySize must be positive, got " + maxBodySize);
    }
    this.maxBodySize = maxBodySize;
    return this;
  }

  public SocketAddress getServer() {
    return server;
  }

  /**
   * The one server every call goes to; {@code null} (the default) sends calls where the
   * client's discovery says.
   */
  public SlackerGatewayOptions setServer(SocketAddress server) {
    this.server = server;
    return this;
  }

  public long getDefaultTimeoutMillis() {
    return defaultTimeoutMillis;
  }

  /** The timeout of a request without a timeout header; 0 leaves it to the method's {@code @Timeout} or the client. */
  public SlackerGatewayOptions setDefaultTimeoutMillis(long defaultTimeoutMillis) {
    if (defaultTimeoutMillis < 0) {
      throw new IllegalArgumentException("defaultTimeoutMillis must be 0 or positive, got " + defaultTimeoutMillis);
    }
    this.defaultTimeoutMillis = defaultTimeoutMillis;
    return this;
  }

  public long getMaxTimeoutMillis() {
    return maxTimeoutMillis;
  }

  /** The longest timeout a request's header may ask for. */
  public SlackerGatewayOptions setMaxTimeoutMillis(long maxTimeoutMillis) {
    if (maxTimeoutMillis <= 0) {
      throw new IllegalArgumentException("maxTimeoutMillis must be positive, got " + maxTimeoutMillis);
    }
    this.maxTimeoutMillis = maxTimeoutMillis;
    return this;
  }

  public long getDescribeCacheMillis() {
    return describeCacheMillis;
  }

  /** How long a description is reused; 0 asks the server again for every request that needs one. */
  public SlackerGatewayOptions setDescribeCacheMillis(long describeCacheMillis) {
    if (describeCacheMillis < 0) {
      throw new IllegalArgumentException("describeCacheMillis must be 0 or positive, got " + describeCacheMillis);
    }
    this.describeCacheMillis = describeCacheMillis;
    return this;
  }

  public int getRetryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The {@code Retry-After} seconds of a 429 answer. */
  public SlackerGatewayOptions setRetryAfterSeconds(int retryAfterSeconds) {
    if (retryAfterSeconds <= 0) {
      throw new IllegalArgumentException("retryAfterSeconds must be positive, got " + retryAfterSeconds);
    }
    this.retryAfterSeconds = retryAfterSeconds;
    return this;
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
