package io.slacker.cluster;

import io.slacker.impl.JsonFields;
import io.slacker.cluster.impl.NodeNames;
import io.vertx.core.json.JsonObject;

/** Options of a {@link ZookeeperDiscovery}; the node layout under {@link #getRootPath()} is given in docs/cluster.md. */
public class ZookeeperDiscoveryOptions {

  public static final String DEFAULT_CONNECT_STRING = "127.0.0.1:2181";
  public static final String DEFAULT_ROOT_PATH = "/slacker/cluster";
  public static final String DEFAULT_CLUSTER = "default";
  /** Bounds how long a dead process stays listed: clients see it leave within this time. */
  public static final int DEFAULT_SESSION_TIMEOUT_MILLIS = 15_000;
  public static final int DEFAULT_CONNECTION_TIMEOUT_MILLIS = 5_000;
  public static final int DEFAULT_RETRY_INITIAL_SLEEP_MILLIS = 100;
  public static final int DEFAULT_RETRY_MAX_SLEEP_MILLIS = 5_000;
  public static final boolean DEFAULT_SHARED = false;

  private String connectString;
  private String rootPath;
  private String cluster;
  private int sessionTimeoutMillis;
  private int connectionTimeoutMillis;
  private int retryInitialSleepMillis;
  private int retryMaxSleepMillis;
  private boolean shared;

  public ZookeeperDiscoveryOptions() {
    connectString = DEFAULT_CONNECT_STRING;
    rootPath = DEFAULT_ROOT_PATH;
    cluster = DEFAULT_CLUSTER;
    sessionTimeoutMillis = DEFAULT_SESSION_TIMEOUT_MILLIS;
    connectionTimeoutMillis = DEFAULT_CONNECTION_TIMEOUT_MILLIS;
    retryInitialSleepMillis = DEFAULT_RETRY_INITIAL_SLEEP_MILLIS;
    retryMaxSleepMillis = DEFAULT_RETRY_MAX_SLEEP_MILLIS;
    shared = DEFAULT_SHARED;
  }

  public ZookeeperDiscoveryOptions(ZookeeperDiscoveryOptions other) {
    connectString = other.connectString;
    rootPath = other.rootPath;
    cluster = other.cluster;
    sessionTimeoutMillis = other.sessionTimeoutMillis;
    connectionTimeoutMillis = other.connectionTimeoutMillis;
    retryInitialSleepMillis = other.retryInitialSleepMillis;
    retryMaxSleepMillis = other.retryMaxSleepMillis;
    shared = other.shared;
  }

  public ZookeeperDiscoveryOptions(JsonObject json) {
    this();
    setConnectString(JsonFields.getString(json, "connectString", connectString));
    setRootPath(JsonFields.getString(json, "rootPath", rootPath));
    setCluster(JsonFields.getString(json, "cluster", cluster));
    setSessionTimeoutMillis(JsonFields.getInteger(json, "sessionTimeoutMillis", sessionTimeoutMillis));
    setConnectionTimeoutMillis(JsonFields.getInteger(json, "connectionTimeoutMillis", connectionTimeoutMillis));
    setRetryInitialSleepMillis(JsonFields.getInteger(json, "retryInitialSleepMillis", retryInitialSleepMillis));
    setRetryMaxSleepMillis(JsonFields.getInteger(json, "retryMaxSleepMillis", retryMaxSleepMillis));
    setShared(JsonFields.getBoolean(json, "shared", shared));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("connectString", connectString)
        .put("rootPath", rootPath)
        .put("cluster", cluster)
        .put("sessionTimeoutMillis", sessionTimeoutMillis)
        .put("connectionTimeoutMillis", connectionTimeoutMillis)
        .put("retryInitialSleepMillis", retryInitialSleepMillis)
        .put("retryMaxSleepMillis", retryMaxSleepMillis)
        .put("shared", shared);
  }

  public boolean isShared() {
    return shared;
  }

  /**
   * Shared discoveries made on one Vert.x instance with the same connection settings ride on one
   * ZooKeeper session, closed when the last of them closes: the instances of a server verticle
   * then publish their common address once, and the last instance to stop withdraws it.
   */
  public ZookeeperDiscoveryOptions setShared(boolean shared) {
    this.shared = shared;
    return this;
  }

  public String getConnectString() {
    return connectString;
  }

  /** The ZooKeeper ensemble, {@code host:port[,host:port...]}; unused when a Curator client is given. */
  public ZookeeperDiscoveryOptions setConnectString(String connectString) {
    if (connectString == null || connectString.isBlank()) {
      throw new IllegalArgumentException("connectString must not be empty");
    }
    this.connectString = connectString;
    return this;
  }

  public String getRootPath() {
    return rootPath;
  }

  public ZookeeperDiscoveryOptions setRootPath(String rootPath) {
    if (rootPath == null || !rootPath.startsWith("/") || rootPath.length() < 2 || rootPath.endsWith("/")) {
      throw new IllegalArgumentException("rootPath must be an absolute ZooKeeper path without a trailing '/', got '" + rootPath + "'");
    }
    this.rootPath = rootPath;
    return this;
  }

  public String getCluster() {
    return cluster;
  }

  /** The cluster name: servers and clients of one cluster see each other, and nothing of other clusters. */
  public ZookeeperDiscoveryOptions setCluster(String cluster) {
    this.cluster = NodeNames.requireValid("cluster", cluster);
    return this;
  }

  public int getSessionTimeoutMillis() {
    return sessionTimeoutMillis;
  }

  /** The ZooKeeper session timeout; the server may narrow it to 2..20 times its tick time. */
  public ZookeeperDiscoveryOptions setSessionTimeoutMillis(int sessionTimeoutMillis) {
    requirePositive("sessionTimeoutMillis", sessionTimeoutMillis);
    this.sessionTimeoutMillis = sessionTimeoutMillis;
    return this;
  }

  public int getConnectionTimeoutMillis() {
    return connectionTimeoutMillis;
  }

  public ZookeeperDiscoveryOptions setConnectionTimeoutMillis(int connectionTimeoutMillis) {
    requirePositive("connectionTimeoutMillis", connectionTimeoutMillis);
    this.connectionTimeoutMillis = connectionTimeoutMillis;
    return this;
  }

  public int getRetryInitialSleepMillis() {
    return retryInitialSleepMillis;
  }

  /** The first pause before Curator retries a failed operation; it grows exponentially. */
  public ZookeeperDiscoveryOptions setRetryInitialSleepMillis(int millis) {
    requirePositive("retryInitialSleepMillis", millis);
    this.retryInitialSleepMillis = millis;
    return this;
  }

  public int getRetryMaxSleepMillis() {
    return retryMaxSleepMillis;
  }

  public ZookeeperDiscoveryOptions setRetryMaxSleepMillis(int millis) {
    requirePositive("retryMaxSleepMillis", millis);
    this.retryMaxSleepMillis = millis;
    return this;
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
