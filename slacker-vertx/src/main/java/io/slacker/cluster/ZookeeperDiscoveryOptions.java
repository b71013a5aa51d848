package io.slacker.cluster;

import io.slacker.impl.JsonFields;
import io.slacker.cluster.impl.NodeNames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Options of a {@link ZookeeperDiscovery}; the node layout under {@link #getRootPath()} is given in
 * docs/cluster.md, the ACL model of {@link #getDigestUser()}, {@link #isSasl()}, {@link #getReaders()}
 * and {@link #getWriters()} in docs/security.md.
 */
public class ZookeeperDiscoveryOptions {

  public static final String DEFAULT_CONNECT_STRING = "127.0.0.1:2181";
  public static final String DEFAULT_ROOT_PATH = "/slacker/cluster";
  public static final String DEFAULT_CLUSTER = "default";
  /** Bounds how long a dead process stays listed: clients see it leave within this time. */
  public static final int DEFAULT_SESSION_TIMEOUT_MILLIS = 15_000;
  public static final int DEFAULT_CONNECTION_TIMEOUT_MILLIS = 5_000;
  public static final int DEFAULT_RETRY_INITIAL_SLEEP_MILLIS = 100;
  public static final int DEFAULT_RETRY_MAX_SLEEP_MILLIS = 5_000;
  /**
   * After a session expiry (ZooKeeper down longer than the session timeout), each discovery waits
   * a random time up to this before its servers re-create their nodes and its caches re-read, so
   * that a cluster's servers and clients do not all come back at once.
   */
  public static final int DEFAULT_RECOVERY_JITTER_MILLIS = 2_000;
  public static final boolean DEFAULT_SHARED = false;
  /** No SASL identity is expected: without digest credentials either, nodes are open to all (ZooKeeper's default). */
  public static final boolean DEFAULT_SASL = false;

  private String connectString;
  private String rootPath;
  private String cluster;
  private int sessionTimeoutMillis;
  private int connectionTimeoutMillis;
  private int retryInitialSleepMillis;
  private int retryMaxSleepMillis;
  private int recoveryJitterMillis;
  private boolean shared;
  private String digestUser;
  private String digestPassword;
  private boolean sasl;
  private List<String> readers;
  private List<String> writers;

  public ZookeeperDiscoveryOptions() {
    connectString = DEFAULT_CONNECT_STRING;
    rootPath = DEFAULT_ROOT_PATH;
    cluster = DEFAULT_CLUSTER;
    sessionTimeoutMillis = DEFAULT_SESSION_TIMEOUT_MILLIS;
    connectionTimeoutMillis = DEFAULT_CONNECTION_TIMEOUT_MILLIS;
    retryInitialSleepMillis = DEFAULT_RETRY_INITIAL_SLEEP_MILLIS;
    retryMaxSleepMillis = DEFAULT_RETRY_MAX_SLEEP_MILLIS;
    recoveryJitterMillis = DEFAULT_RECOVERY_JITTER_MILLIS;
    shared = DEFAULT_SHARED;
    sasl = DEFAULT_SASL;
    readers = new ArrayList<>();
    writers = new ArrayList<>();
  }

  public ZookeeperDiscoveryOptions(ZookeeperDiscoveryOptions other) {
    connectString = other.connectString;
    rootPath = other.rootPath;
    cluster = other.cluster;
    sessionTimeoutMillis = other.sessionTimeoutMillis;
    connectionTimeoutMillis = other.connectionTimeoutMillis;
    retryInitialSleepMillis = other.retryInitialSleepMillis;
    retryMaxSleepMillis = other.retryMaxSleepMillis;
    recoveryJitterMillis = other.recoveryJitterMillis;
    shared = other.shared;
    digestUser = other.digestUser;
    digestPassword = other.digestPassword;
    sasl = other.sasl;
    readers = new ArrayList<>(other.readers);
    writers = new ArrayList<>(other.writers);
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
    setRecoveryJitterMillis(JsonFields.getInteger(json, "recoveryJitterMillis", recoveryJitterMillis));
    setShared(JsonFields.getBoolean(json, "shared", shared));
    setDigestUser(JsonFields.getString(json, "digestUser"));
    setDigestPassword(JsonFields.getString(json, "digestPassword"));
    setSasl(JsonFields.getBoolean(json, "sasl", sasl));
    JsonFields.getJsonArray(json, "readers", new JsonArray()).forEach(id -> addReader(String.valueOf(id)));
    JsonFields.getJsonArray(json, "writers", new JsonArray()).forEach(id -> addWriter(String.valueOf(id)));
  }

  /** Includes {@code digestPassword}, so that the JSON configures the same discovery: keep it as secret as the password. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("connectString", connectString)
        .put("rootPath", rootPath)
        .put("cluster", cluster)
        .put("sessionTimeoutMillis", sessionTimeoutMillis)
        .put("connectionTimeoutMillis", connectionTimeoutMillis)
        .put("retryInitialSleepMillis", retryInitialSleepMillis)
        .put("retryMaxSleepMillis", retryMaxSleepMillis)
        .put("recoveryJitterMillis", recoveryJitterMillis)
        .put("shared", shared)
        .put("sasl", sasl)
        .put("readers", new JsonArray(List.copyOf(readers)))
        .put("writers", new JsonArray(List.copyOf(writers)));
    if (digestUser != null) {
      json.put("digestUser", digestUser);
    }
    if (digestPassword != null) {
      json.put("digestPassword", digestPassword);
    }
    return json;
  }

  /** The options as JSON with the password masked: safe to log. */
  @Override
  public String toString() {
    JsonObject json = toJson();
    if (json.containsKey("digestPassword")) {
      json.put("digestPassword", "***");
    }
    return json.encode();
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

  public int getRecoveryJitterMillis() {
    return recoveryJitterMillis;
  }

  /**
   * The longest random wait, after a session expiry, before this discovery's servers re-create
   * their nodes and its watches re-read: a cluster that lost ZooKeeper comes back spread over
   * this time rather than in one burst. Elections of leader-routed services rejoin at once.
   * 0: no wait. Applies to the discovery's own ZooKeeper client, not to one it was given.
   */
  public ZookeeperDiscoveryOptions setRecoveryJitterMillis(int millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("recoveryJitterMillis must not be negative, got " + millis);
    }
    this.recoveryJitterMillis = millis;
    return this;
  }

  public String getDigestUser() {
    return digestUser;
  }

  /**
   * The user of ZooKeeper {@code digest} authentication, with {@link #setDigestPassword(String)}:
   * the discovery's own Curator client authenticates as {@code digest:<user>:<password hash>}, and
   * every node it creates may be changed or deleted by that identity only. {@code null}: none.
   */
  public ZookeeperDiscoveryOptions setDigestUser(String digestUser) {
    if (digestUser != null && (digestUser.isEmpty() || digestUser.contains(":"))) {
      throw new IllegalArgumentException("digestUser must be a non-empty name without ':'");
    }
    this.digestUser = digestUser;
    return this;
  }

  public String getDigestPassword() {
    return digestPassword;
  }

  /** The password of {@link #setDigestUser(String)}; never logged. {@code null}: none. */
  public ZookeeperDiscoveryOptions setDigestPassword(String digestPassword) {
    if (digestPassword != null && digestPassword.isEmpty()) {
      throw new IllegalArgumentException("digestPassword must not be empty");
    }
    this.digestPassword = digestPassword;
    return this;
  }

  public boolean isSasl() {
    return sasl;
  }

  /**
   * Whether the ZooKeeper session authenticates through SASL (Kerberos or DIGEST-MD5), as the JVM
   * configures it: a JAAS file named by {@code java.security.auth.login.config} with a
   * {@code Client} section, and ZooKeeper's client properties. Slacker passes nothing of its own;
   * every node it creates may then be changed or deleted by the authenticated principal only.
   */
  public ZookeeperDiscoveryOptions setSasl(boolean sasl) {
    this.sasl = sasl;
    return this;
  }

  public List<String> getReaders() {
    return Collections.unmodifiableList(readers);
  }

  /**
   * Restricts reading Slacker's nodes to these ZooKeeper ACL ids, in ZooKeeper's
   * {@code scheme:id} form ({@code digest:reader:<base64 SHA-1 of reader:password>},
   * {@code sasl:reader@EXAMPLE.COM}, {@code ip:10.0.0.0/8}); the creating identity always reads.
   * None (the default): the nodes are readable by anyone.
   */
  public ZookeeperDiscoveryOptions addReader(String id) {
    readers.add(requireAclId("readers", id));
    return this;
  }

  public ZookeeperDiscoveryOptions setReaders(List<String> ids) {
    List<String> checked = new ArrayList<>();
    ids.forEach(id -> checked.add(requireAclId("readers", id)));
    this.readers = checked;
    return this;
  }

  public List<String> getWriters() {
    return Collections.unmodifiableList(writers);
  }

  /**
   * Further ZooKeeper ACL ids, {@code scheme:id}, that may read, create, change and delete
   * Slacker's nodes besides the creating identity: for servers of one cluster that authenticate
   * as different identities. Every server of the cluster must list the same ones.
   */
  public ZookeeperDiscoveryOptions addWriter(String id) {
    writers.add(requireWriter(id));
    return this;
  }

  public ZookeeperDiscoveryOptions setWriters(List<String> ids) {
    List<String> checked = new ArrayList<>();
    ids.forEach(id -> checked.add(requireWriter(id)));
    this.writers = checked;
    return this;
  }

  /** @return whether the nodes this discovery creates carry ACLs for an authenticated identity */
  public boolean hasAcls() {
    return digestUser != null || digestPassword != null || sasl || !readers.isEmpty() || !writers.isEmpty();
  }

  private static String requireAclId(String option, String id) {
    int colon = id == null ? -1 : id.indexOf(':');
    if (colon <= 0 || colon == id.length() - 1) {
      throw new IllegalArgumentException(option + ": each must be a ZooKeeper ACL id 'scheme:id', got '" + id + "'");
    }
    return id;
  }

  private static String requireWriter(String id) {
    requireAclId("writers", id);
    if (id.startsWith("world:")) {
      throw new IllegalArgumentException("writers: '" + id + "' would let anyone change Slacker's nodes; name identities");
    }
    return id;
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
