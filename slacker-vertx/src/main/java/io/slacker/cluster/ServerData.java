package io.slacker.cluster;

import io.slacker.impl.JsonFields;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * What a server publishes about itself in its ZooKeeper nodes, as JSON: its weight for the
 * weighted load balancer, its zone, its version, when it started, whether it requires TLS, and
 * any attributes the application adds. A server can publish a new version of it while it runs.
 */
public class ServerData {

  public static final int DEFAULT_WEIGHT = 100;
  public static final int MAX_WEIGHT = 10_000;

  private int weight;
  private String zone;
  private String version;
  private long startTime;
  private String incarnation;
  private boolean tls;
  private JsonObject attributes;

  public ServerData() {
    weight = DEFAULT_WEIGHT;
    attributes = new JsonObject();
  }

  public ServerData(ServerData other) {
    weight = other.weight;
    zone = other.zone;
    version = other.version;
    startTime = other.startTime;
    incarnation = other.incarnation;
    tls = other.tls;
    attributes = other.attributes.copy();
  }

  /** @throws IllegalArgumentException when a field has the wrong type or range */
  public ServerData(JsonObject json) {
    this();
    try {
      setWeight(JsonFields.getInteger(json, "weight", weight));
      setZone(JsonFields.getString(json, "zone"));
      setVersion(JsonFields.getString(json, "version"));
      setStartTime(JsonFields.getLong(json, "startTime", 0L));
      setIncarnation(JsonFields.getString(json, "incarnation"));
      setTls(JsonFields.getBoolean(json, "tls", false));
      JsonObject attrs = JsonFields.getJsonObject(json, "attributes");
      setAttributes(attrs != null ? attrs : new JsonObject());
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("server data has a field of the wrong type: " + e.getMessage(), e);
    }
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("weight", weight);
    if (zone != null) {
      json.put("zone", zone);
    }
    if (version != null) {
      json.put("version", version);
    }
    if (incarnation != null) {
      json.put("incarnation", incarnation);
    }
    if (tls) {
      // Written only when set: a node without it reads as plain TCP, as from a server before TLS existed.
      json.put("tls", true);
    }
    return json.put("startTime", startTime).put("attributes", attributes.copy());
  }

  public int getWeight() {
    return weight;
  }

  /** The relative share of calls the weighted balancer sends here; 0 takes the server out of weighted rotation. */
  public ServerData setWeight(int weight) {
    if (weight < 0 || weight > MAX_WEIGHT) {
      throw new IllegalArgumentException("weight must be in 0.." + MAX_WEIGHT + ", got " + weight);
    }
    this.weight = weight;
    return this;
  }

  public String getZone() {
    return zone;
  }

  public ServerData setZone(String zone) {
    this.zone = zone;
    return this;
  }

  public String getVersion() {
    return version;
  }

  public ServerData setVersion(String version) {
    this.version = version;
    return this;
  }

  public long getStartTime() {
    return startTime;
  }

  public String getIncarnation() {
    return incarnation;
  }

  /**
   * Which process publishes at this address: a unique id per registration, that is per address
   * per process start (instances sharing a port share it). The discovery sets it when the server
   * registers; a client tells a restarted process at a leader's old address from the leader by it.
   */
  public ServerData setIncarnation(String incarnation) {
    this.incarnation = incarnation;
    return this;
  }

  public boolean isTls() {
    return tls;
  }

  /**
   * Whether the server accepts only TLS connections; clients of a discovery connect to it with TLS.
   * The server sets it from {@link io.slacker.SlackerServerOptions#isSsl()} when it publishes itself.
   */
  public ServerData setTls(boolean tls) {
    this.tls = tls;
    return this;
  }

  /** Epoch milliseconds; a server that leaves it at 0 gets the time it published itself. */
  public ServerData setStartTime(long startTime) {
    if (startTime < 0) {
      throw new IllegalArgumentException("startTime must not be negative");
    }
    this.startTime = startTime;
    return this;
  }

  public JsonObject getAttributes() {
    return attributes;
  }

  /** Free-form application data published alongside. */
  public ServerData setAttributes(JsonObject attributes) {
    this.attributes = Objects.requireNonNull(attributes, "attributes");
    return this;
  }

  public ServerData putAttribute(String key, Object value) {
    attributes.put(key, value);
    return this;
  }

  /** Field by field: watches compare every member of a service on each change. */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof ServerData other && weight == other.weight && startTime == other.startTime && tls == other.tls
        && java.util.Objects.equals(zone, other.zone) && java.util.Objects.equals(version, other.version)
        && java.util.Objects.equals(incarnation, other.incarnation) && attributes.equals(other.attributes);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(weight, zone, version, startTime, incarnation, tls, attributes);
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
