package io.slacker.cluster;

import io.vertx.core.net.SocketAddress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-server outcomes of a call sent to several servers, in the order the servers were called. */
public final class GroupResult<T> {

  private final String service;
  private final List<ServerResult<T>> results;

  public GroupResult(String service, List<ServerResult<T>> results) {
    this.service = service;
    this.results = List.copyOf(results);
  }

  public String service() {
    return service;
  }

  public List<ServerResult<T>> results() {
    return results;
  }

  /** @return server to outcome */
  public Map<SocketAddress, ServerResult<T>> asMap() {
    Map<SocketAddress, ServerResult<T>> map = new LinkedHashMap<>();
    results.forEach(r -> map.put(r.server(), r));
    return Collections.unmodifiableMap(map);
  }

  /** @return the values of the servers that succeeded */
  public List<T> values() {
    return results.stream().filter(ServerResult::succeeded).map(ServerResult::value).toList();
  }

  /** @return the failures, by server */
  public Map<SocketAddress, Throwable> failures() {
    Map<SocketAddress, Throwable> map = new LinkedHashMap<>();
    results.stream().filter(r -> !r.succeeded()).forEach(r -> map.put(r.server(), r.failure()));
    return Collections.unmodifiableMap(map);
  }

  public int size() {
    return results.size();
  }

  public int succeeded() {
    return (int) results.stream().filter(ServerResult::succeeded).count();
  }

  /** @return whether {@code policy} counts this result as a failure */
  public boolean failsUnder(GroupPolicy policy) {
    int ok = succeeded();
    switch (policy) {
      case FAIL_IF_ANY_FAILS:
        return ok < results.size();
      case FAIL_IF_ALL_FAIL:
        return ok == 0;
      default:
        return false;
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(service).append('{');
    for (ServerResult<T> r : results) {
      if (sb.charAt(sb.length() - 1) != '{') {
        sb.append(", ");
      }
      sb.append(r.server().host()).append(':').append(r.server().port()).append('=')
          .append(r.succeeded() ? String.valueOf(r.value()) : "failed: " + r.failure().getMessage());
    }
    return sb.append('}').toString();
  }
}
