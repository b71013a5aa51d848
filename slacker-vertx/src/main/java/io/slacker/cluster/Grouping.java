package io.slacker.cluster;

import io.slacker.impl.JsonFields;
import io.slacker.cluster.impl.ServerAddresses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which servers of a service a call goes to: one chosen by the load balancer, the elected
 * leader, all of them, or an explicit list. Immutable; set it per client, per proxy or per call.
 *
 * <p>A call to several servers gives a {@link GroupResult} through {@code SlackerClient#group};
 * called through a typed proxy, it completes with {@link #merge()} applied to that result, by
 * default the first success in server order, once {@link #policy()} accepts the result.
 */
public final class Grouping {

  /** The kinds of grouping. */
  public enum Kind { ONE, LEADER, ALL, LIST }

  private static final Grouping ONE = new Grouping(Kind.ONE, List.of(), GroupPolicy.FAIL_IF_ANY_FAILS, null);
  private static final Grouping LEADER = new Grouping(Kind.LEADER, List.of(), GroupPolicy.FAIL_IF_ANY_FAILS, null);

  private final Kind kind;
  private final List<SocketAddress> servers;
  private final GroupPolicy policy;
  private final Function<GroupResult<Object>, Object> merge;

  private Grouping(Kind kind, List<SocketAddress> servers, GroupPolicy policy, Function<GroupResult<Object>, Object> merge) {
    this.kind = kind;
    this.servers = List.copyOf(servers);
    this.policy = Objects.requireNonNull(policy, "policy");
    this.merge = merge;
  }

  /** One server, chosen by the load balancer; failed calls fail over to another. */
  public static Grouping one() {
    return ONE;
  }

  /** The service's elected leader. */
  public static Grouping leader() {
    return LEADER;
  }

  /** Every server of the service, failing if any fails. */
  public static Grouping all() {
    return all(GroupPolicy.FAIL_IF_ANY_FAILS);
  }

  public static Grouping all(GroupPolicy policy) {
    return new Grouping(Kind.ALL, List.of(), policy, null);
  }

  /** Exactly these servers, whether or not discovery lists them, failing if any fails. */
  public static Grouping servers(List<SocketAddress> servers) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("an explicit server list must not be empty");
    }
    return new Grouping(Kind.LIST, servers, GroupPolicy.FAIL_IF_ANY_FAILS, null);
  }

  /** @throws IllegalArgumentException for {@link Kind#ONE} and {@link Kind#LEADER}, which reach one server */
  public Grouping withPolicy(GroupPolicy policy) {
    requireGroup("a policy");
    return new Grouping(kind, servers, policy, merge);
  }

  /** Turns the per-server outcome into the single value a typed proxy call completes with. */
  @SuppressWarnings("unchecked")
  public <T> Grouping withMerge(Function<GroupResult<T>, T> merge) {
    requireGroup("a merge function");
    return new Grouping(kind, servers, policy, (Function<GroupResult<Object>, Object>) (Function<?, ?>) merge);
  }

  public static Grouping fromJson(JsonObject json) {
    Kind kind = Kind.valueOf(JsonFields.getString(json, "kind", Kind.ONE.name()));
    GroupPolicy policy = GroupPolicy.valueOf(JsonFields.getString(json, "policy", GroupPolicy.FAIL_IF_ANY_FAILS.name()));
    switch (kind) {
      case ONE:
        return one();
      case LEADER:
        return leader();
      case ALL:
        return all(policy);
      default:
        JsonArray list = JsonFields.getJsonArray(json, "servers", new JsonArray());
        List<SocketAddress> addresses = list.stream().map(String::valueOf).map(text -> {
          SocketAddress address = ServerAddresses.parse(text);
          if (address == null) {
            throw new IllegalArgumentException("grouping server must be host:port, got '" + text + "'");
          }
          return address;
        }).toList();
        return servers(addresses).withPolicy(policy);
    }
  }

  /** The merge function does not travel in JSON. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("kind", kind.name()).put("policy", policy.name());
    if (kind == Kind.LIST) {
      json.put("servers", new JsonArray(servers.stream().map(ServerAddresses::format).toList()));
    }
    return json;
  }

  public Kind kind() {
    return kind;
  }

  /** @return the explicit servers of {@link Kind#LIST}, empty otherwise */
  public List<SocketAddress> servers() {
    return servers;
  }

  public GroupPolicy policy() {
    return policy;
  }

  /** @return the merge function, or {@code null} for the default */
  public Function<GroupResult<Object>, Object> merge() {
    return merge;
  }

  /** @return whether the call may reach more than one server */
  public boolean isGroup() {
    return kind == Kind.ALL || kind == Kind.LIST;
  }

  private void requireGroup(String what) {
    if (!isGroup()) {
      throw new IllegalArgumentException(kind + " reaches a single server; " + what + " applies to ALL and LIST");
    }
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
