package io.slacker.micrometer;

/**
 * The names of Slacker's meters and tags, after the OpenTelemetry semantic conventions for RPC
 * ({@code rpc.*}, {@code server.address}); docs/observability.md lists each with its unit.
 */
public final class SlackerMeters {

  public static final String CLIENT_CALL_DURATION = "rpc.client.call.duration";
  public static final String CLIENT_REQUEST_SIZE = "rpc.client.request.size";
  public static final String CLIENT_RESPONSE_SIZE = "rpc.client.response.size";
  public static final String CLIENT_CALLS_ACTIVE = "rpc.client.calls.active";
  public static final String CLIENT_CONNECTIONS = "rpc.client.connections";
  public static final String CLIENT_RETRIES = "rpc.client.retries";
  public static final String CLIENT_RETRY_BUDGET_EXHAUSTED = "rpc.client.retry_budget.exhausted";
  public static final String CLIENT_EJECTIONS = "rpc.client.ejections";

  public static final String SERVER_CALL_DURATION = "rpc.server.call.duration";
  public static final String SERVER_REQUEST_SIZE = "rpc.server.request.size";
  public static final String SERVER_RESPONSE_SIZE = "rpc.server.response.size";
  public static final String SERVER_CALLS_ACTIVE = "rpc.server.calls.active";
  public static final String SERVER_CONNECTIONS = "rpc.server.connections";
  public static final String SERVER_OVERLOADED = "rpc.server.overloaded";
  public static final String SERVER_DEADLINE_EXCEEDED = "rpc.server.deadline_exceeded";
  public static final String SERVER_CANCELLED = "rpc.server.cancelled";
  public static final String SERVER_LEADER = "slacker.server.leader";

  public static final String DISCOVERY_MEMBERS = "slacker.discovery.members";
  public static final String DISCOVERY_CONNECTED = "slacker.discovery.zookeeper.connected";

  public static final String TAG_SYSTEM = "rpc.system";
  public static final String TAG_SERVICE = "rpc.service";
  public static final String TAG_METHOD = "rpc.method";
  public static final String TAG_STATUS = "rpc.slacker.status_code";
  public static final String TAG_SERVER = "server.address";

  /** The value of {@link #TAG_SYSTEM}. */
  public static final String SYSTEM = "slacker";
  /** The value of {@link #TAG_STATUS} for a call that succeeded. */
  public static final String OK = "OK";

  private SlackerMeters() {
  }
}
