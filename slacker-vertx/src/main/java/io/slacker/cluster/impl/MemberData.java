package io.slacker.cluster.impl;

import io.slacker.cluster.ServerData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

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

  /** A member as read: its server data, and the services of its set out of rotation. */
  record Read(ServerData data, Set<String> offline) {

    /** @return whether the server has {@code service}, one of its set, in rotation */
    boolean inRotation(String service) {
      return !offline.contains(service);
    }
  }

  /** @throws RuntimeException when the bytes are not a JSON object with fields of the right types */
  static Read decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return new Read(new ServerData(), Set.of());
    }
    JsonObject json = new JsonObject(new String(bytes, StandardCharsets.UTF_8));
    Object listed = json.remove(OFFLINE);
    Set<String> offline = new LinkedHashSet<>();
    if (listed instanceof JsonArray services) {
      services.forEach(service -> offline.add((String) service));
    } else if (listed != null) {
      throw new IllegalArgumentException("'" + OFFLINE + "' is not an array of service names");
    }
    return new Read(new ServerData(json), offline);
  }
}
