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
 * The data of a server's node in its service set: its server data JSON, plus {@value #ROTATION},
 * the services it has in rotation now; a service of its set that is not listed is offline there.
 */
final class MemberData {

  static final String ROTATION = "rotation";

  private MemberData() {
  }

  static byte[] encode(ServerData data, Collection<String> rotation) {
    return data.toJson().put(ROTATION, new JsonArray(new TreeSet<>(rotation).stream().toList())).encode()
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A member as read: its server data, and the services in rotation. */
  record Read(ServerData data, Set<String> rotation) {
  }

  /** @throws RuntimeException when the bytes are not a JSON object with fields of the right types */
  static Read decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return new Read(new ServerData(), Set.of());
    }
    JsonObject json = new JsonObject(new String(bytes, StandardCharsets.UTF_8));
    Object listed = json.remove(ROTATION);
    Set<String> rotation = new LinkedHashSet<>();
    if (listed instanceof JsonArray services) {
      services.forEach(service -> rotation.add((String) service));
    } else if (listed != null) {
      throw new IllegalArgumentException("'" + ROTATION + "' is not an array of service names");
    }
    return new Read(new ServerData(json), rotation);
  }
}
