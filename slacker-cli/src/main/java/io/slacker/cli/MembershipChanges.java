package io.slacker.cli;

import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.ServiceMembers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two snapshots of a service, as the events {@code slacker watch} prints:
 * {@code members} (the first view), {@code joined}, {@code left}, {@code data}, {@code leader}.
 */
final class MembershipChanges {

  private MembershipChanges() {
  }

  /** @return the one event that shows the first view of a service */
  static JsonObject initial(ServiceMembers members) {
    JsonArray servers = new JsonArray();
    members.servers().forEach(server -> servers.add(address(server.address())));
    return event(members.service(), "members").put("servers", servers).put("leader", address(members.leader()));
  }

  /** @return the events that lead from {@code before} to {@code after}, departures first */
  static List<JsonObject> between(ServiceMembers before, ServiceMembers after) {
    Map<String, ServerInstance> was = byAddress(before);
    Map<String, ServerInstance> is = byAddress(after);
    List<JsonObject> events = new ArrayList<>();
    was.keySet().stream().filter(server -> !is.containsKey(server))
        .forEach(server -> events.add(event(after.service(), "left").put("server", server)));
    is.forEach((server, instance) -> {
      ServerInstance previous = was.get(server);
      if (previous == null) {
        events.add(event(after.service(), "joined").put("server", server).put("data", instance.data().toJson()));
      } else if (!previous.data().equals(instance.data())) {
        events.add(event(after.service(), "data").put("server", server).put("data", instance.data().toJson()));
      }
    });
    if (!Objects.equals(before.leader(), after.leader())) {
      events.add(event(after.service(), "leader").put("leader", address(after.leader()))
          .put("previous", address(before.leader())));
    }
    return events;
  }

  private static Map<String, ServerInstance> byAddress(ServiceMembers members) {
    Map<String, ServerInstance> servers = new LinkedHashMap<>();
    members.servers().forEach(server -> servers.put(address(server.address()), server));
    return servers;
  }

  private static JsonObject event(String service, String kind) {
    return new JsonObject().put("service", service).put("event", kind);
  }

  private static String address(SocketAddress address) {
    return address == null ? null : ServerAddressConverter.format(address);
  }
}
