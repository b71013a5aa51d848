package io.slacker.cluster;

import io.slacker.impl.JsonFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How a server that has a discovery publishes itself. */
public class ClusterServerOptions {

  /** Long enough for clients' watches to deliver the withdrawal on a healthy ZooKeeper. */
  public static final long DEFAULT_WITHDRAW_GRACE_MILLIS = 2_000;

  private String advertisedHost;
  private int advertisedPort;
  private ServerData serverData;
  private Set<String> leaderServices;
  private long withdrawGraceMillis;

  public ClusterServerOptions() {
    serverData = new ServerData();
    leaderServices = new LinkedHashSet<>();
    withdrawGraceMillis = DEFAULT_WITHDRAW_GRACE_MILLIS;
  }

  public ClusterServerOptions(ClusterServerOptions other) {
    advertisedHost = other.advertisedHost;
    advertisedPort = other.advertisedPort;
    serverData = new ServerData(other.serverData);
    leaderServices = new LinkedHashSet<>(other.leaderServices);
    withdrawGraceMillis = other.withdrawGraceMillis;
  }

  public ClusterServerOptions(JsonObject json) {
    this();
    advertisedHost = JsonFields.getString(json, "advertisedHost");
    setAdvertisedPort(JsonFields.getInteger(json, "advertisedPort", 0));
    JsonObject data = JsonFields.getJsonObject(json, "serverData");
    if (data != null) {
      setServerData(JsonFields.nested("serverData", () -> new ServerData(data)));
    }
    JsonFields.getJsonArray(json, "leaderServices", new JsonArray()).forEach(name -> addLeaderService(String.valueOf(name)));
    setWithdrawGraceMillis(JsonFields.getLong(json, "withdrawGraceMillis", withdrawGraceMillis));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (advertisedHost != null) {
      json.put("advertisedHost", advertisedHost);
    }
    return json.put("advertisedPort", advertisedPort)
        .put("serverData", serverData.toJson())
        .put("leaderServices", new JsonArray(List.copyOf(leaderServices)))
        .put("withdrawGraceMillis", withdrawGraceMillis);
  }

  public String getAdvertisedHost() {
    return advertisedHost;
  }

  /**
   * The host clients are told to connect to. {@code null}: the server's listen host, or, when
   * that is a wildcard, the first site-local address of an interface that is up (else 127.0.0.1).
   */
  public ClusterServerOptions setAdvertisedHost(String advertisedHost) {
    if (advertisedHost != null && (advertisedHost.isEmpty() || advertisedHost.contains("/"))) {
      throw new IllegalArgumentException("advertisedHost must be a host name or address, got '" + advertisedHost + "'");
    }
    this.advertisedHost = advertisedHost;
    return this;
  }

  public int getAdvertisedPort() {
    return advertisedPort;
  }

  /** The port clients are told to connect to, for servers behind a port mapping; 0 means the bound port. */
  public ClusterServerOptions setAdvertisedPort(int advertisedPort) {
    if (advertisedPort < 0 || advertisedPort > 65535) {
      throw new IllegalArgumentException("advertisedPort must be in 0..65535, got " + advertisedPort);
    }
    this.advertisedPort = advertisedPort;
    return this;
  }

  public ServerData getServerData() {
    return serverData;
  }

  /** The data published at start; change it later with {@code SlackerServer#membership()}. */
  public ClusterServerOptions setServerData(ServerData serverData) {
    if (serverData == null) {
      throw new IllegalArgumentException("serverData must not be null");
    }
    this.serverData = serverData;
    return this;
  }

  public Set<String> getLeaderServices() {
    return Collections.unmodifiableSet(leaderServices);
  }

  /** Marks a service as leader-routed (stateful): its servers elect a leader that LEADER calls go to. */
  public ClusterServerOptions addLeaderService(String service) {
    if (service == null || service.isEmpty()) {
      throw new IllegalArgumentException("service must not be empty");
    }
    leaderServices.add(service);
    return this;
  }

  public long getWithdrawGraceMillis() {
    return withdrawGraceMillis;
  }

  /**
   * How long a graceful shutdown waits, after withdrawing from discovery, for clients to see it
   * before it sends goaway and drains: calls in that time are still served.
   */
  public ClusterServerOptions setWithdrawGraceMillis(long withdrawGraceMillis) {
    if (withdrawGraceMillis < 0) {
      throw new IllegalArgumentException("withdrawGraceMillis must not be negative");
    }
    this.withdrawGraceMillis = withdrawGraceMillis;
    return this;
  }
}
