package io.slacker.cluster.impl;

import io.slacker.cluster.ServerData;
import io.slacker.cluster.ServerInstance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import org.apache.curator.framework.recipes.cache.ChildData;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The data of a server's node in its service set: its server data JSON, plus {@value #OFFLINE},
 * the services of the set that are out of rotation now, left out while there are none. A server
 * in rotation for everything it runs writes no more than its server data, however many services
 * it runs.
 */
final class MemberData {

  static final String OFFLINE = "offline";

  private MemberData() {
  }

  /**
   * @param set every service the server runs
   * @param rotation those of them in rotation now
   */
  static byte[] encode(ServerData data, Collection<String> set, Collection<String> rotation) {
    JsonObject json = data.toJson();
    Set<String> offline = new TreeSet<>(set);
    offline.removeAll(rotation);
    if (!offline.isEmpty()) {
      json.put(OFFLINE, new JsonArray(offline.stream().toList()));
    }
    return json.encode().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A server's node as read, a service set's or one of the earlier layout: {@code server} is
   * {@code null} when the node's name or data is not a server's, and {@code problem} then says why.
   *
   * @param offline the services of its set out of rotation
   */
  record Member(ChildData node, ServerInstance server, Set<String> offline, String problem) {
  }

  /** @return the server whose node this is, named {@code host:port}, its data the server data JSON */
  static Member read(ChildData node) {
    String path = node.getPath();
    SocketAddress address = ServerAddresses.parse(path.substring(path.lastIndexOf('/') + 1));
    if (address == null) {
      return new Member(node, null, Set.of(), "its name is not host:port");
    }
    byte[] bytes = node.getData();
    if (bytes == null || bytes.length == 0) {
      return new Member(node, new ServerInstance(address, new ServerData()), Set.of(), null);
    }
    try {
      JsonObject json = new JsonObject(new String(bytes, StandardCharsets.UTF_8));
      Object listed = json.remove(OFFLINE);
      Set<String> offline = new LinkedHashSet<>();
      if (listed instanceof JsonArray services) {
        services.forEach(service -> offline.add((String) service));
      } else if (listed != null) {
        throw new IllegalArgumentException("'" + OFFLINE + "' is not an array of service names");
      }
      return new Member(node, new ServerInstance(address, new ServerData(json)), offline, null);
    } catch (RuntimeException unreadable) {
      return new Member(node, null, Set.of(), "its data is not valid server data JSON (" + unreadable.getMessage() + ")");
    }
  }
}
