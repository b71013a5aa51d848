package io.slacker;

import io.slacker.impl.JsonFields;
import io.slacker.cluster.Grouping;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;

import java.util.Map;

/** Options of one call; anything left unset falls back to the client's or the proxy's options. */
public class CallOptions {

  /** 0: use the client's {@link SlackerClientOptions#getCallTimeoutMillis()}. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 0;

  private long timeoutMillis;
  private SocketAddress server;
  private String serialization;
  private CallMetadata metadata;
  private Grouping grouping;
  private String hashKey;

  public CallOptions() {
    timeoutMillis = DEFAULT_TIMEOUT_MILLIS;
    metadata = new CallMetadata();
  }

  public CallOptions(CallOptions other) {
    timeoutMillis = other.timeoutMillis;
    server = other.server;
    serialization = other.serialization;
    metadata = new CallMetadata(other.metadata);
    grouping = other.grouping;
    hashKey = other.hashKey;
  }

  public CallOptions(JsonObject json) {
    this();
    setTimeoutMillis(JsonFields.getLong(json, "timeoutMillis", timeoutMillis));
    String address = JsonFields.getString(json, "server");
    if (address != null) {
      setServer(parseAddress(address));
    }
    serialization = JsonFields.getString(json, "serialization");
    JsonObject meta = JsonFields.getJsonObject(json, "metadata");
    if (meta != null) {
      for (Map.Entry<String, Object> entry : meta) {
        metadata.put(entry.getKey(), String.valueOf(entry.getValue()));
      }
    }
    JsonObject groupingJson = JsonFields.getJsonObject(json, "grouping");
    if (groupingJson != null) {
      grouping = Grouping.fromJson(groupingJson);
    }
    hashKey = JsonFields.getString(json, "hashKey");
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("timeoutMillis", timeoutMillis);
    if (server != null) {
      json.put("server", server.host() + ":" + server.port());
    }
    if (serialization != null) {
      json.put("serialization", serialization);
    }
    JsonObject meta = new JsonObject();
    for (String key : metadata.keys()) {
      meta.put(key, metadata.get(key));
    }
    if (grouping != null) {
      json.put("grouping", grouping.toJson());
    }
    if (hashKey != null) {
      json.put("hashKey", hashKey);
    }
    return json.put("metadata", meta);
  }

  public long getTimeoutMillis() {
    return timeoutMillis;
  }

  /** The call's timeout; it travels to the server as a relative deadline. 0 means the client default. */
  public CallOptions setTimeoutMillis(long timeoutMillis) {
    if (timeoutMillis < 0 || timeoutMillis > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("timeoutMillis must be in 0..4294967295, got " + timeoutMillis);
    }
    this.timeoutMillis = timeoutMillis;
    return this;
  }

  public SocketAddress getServer() {
    return server;
  }

  /** The server to call; with one set, the call bypasses discovery and grouping. */
  public CallOptions setServer(SocketAddress server) {
    this.server = server;
    return this;
  }

  public String getSerialization() {
    return serialization;
  }

  /** The serialization of this call, or {@code null} for the client's default. */
  public CallOptions setSerialization(String serialization) {
    if (serialization != null && serialization.isEmpty()) {
      throw new IllegalArgumentException("serialization must not be empty");
    }
    this.serialization = serialization;
    return this;
  }

  public CallMetadata getMetadata() {
    return metadata;
  }

  public CallOptions setMetadata(CallMetadata metadata) {
    if (metadata == null) {
      throw new IllegalArgumentException("metadata must not be null");
    }
    this.metadata = metadata;
    return this;
  }

  /** Adds one string entry to the call's metadata. */
  public CallOptions putMetadata(String key, String value) {
    metadata.put(key, value);
    return this;
  }

  public Grouping getGrouping() {
    return grouping;
  }

  /** Which servers of the service the call goes to, or {@code null} for the proxy's or the client's grouping. */
  public CallOptions setGrouping(Grouping grouping) {
    this.grouping = grouping;
    return this;
  }

  public String getHashKey() {
    return hashKey;
  }

  /** The key the consistent-hash balancer places the call by: calls with equal keys go to the same server. */
  public CallOptions setHashKey(String hashKey) {
    this.hashKey = hashKey;
    return this;
  }

  private static SocketAddress parseAddress(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("server must be host:port, got '" + hostPort + "'");
    }
    return SocketAddress.inetSocketAddress(Integer.parseInt(hostPort.substring(colon + 1)), hostPort.substring(0, colon));
  }
}
