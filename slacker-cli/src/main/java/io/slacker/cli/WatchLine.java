package io.slacker.cli;

import io.slacker.cluster.ServerData;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** One event of {@code slacker watch} as one line: for people, or as JSON for scripts. */
final class WatchLine {

  /** Fixed width, so that the lines of a watch line up. */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private WatchLine() {
  }

  static String of(Instant time, JsonObject event, boolean json) {
    String timestamp = TIME.format(time);
    if (json) {
      return new JsonObject().put("time", timestamp).mergeIn(event).encode();
    }
    return timestamp + "  " + event.getString("service") + "  " + text(event);
  }

  private static String text(JsonObject event) {
    String server = event.getString("server");
    return switch (event.getString("event")) {
      case "members" -> "members " + (event.getJsonArray("servers").isEmpty() ? "(none)"
          : event.getJsonArray("servers").stream().map(String::valueOf).collect(Collectors.joining(", ")))
          + (event.getString("leader") == null ? "" : "; leader " + event.getString("leader"));
      case "joined" -> "joined " + server + " (" + ServerDataText.of(new ServerData(event.getJsonObject("data"))) + ")";
      case "left" -> "left " + server;
      case "data" -> "data " + server + " (" + ServerDataText.of(new ServerData(event.getJsonObject("data"))) + ")";
      case "leader" -> "leader " + orNone(event.getString("leader")) + " (was " + orNone(event.getString("previous")) + ")";
      default -> throw new IllegalArgumentException("not a watch event: " + event.encode());
    };
  }

  private static String orNone(String server) {
    return server == null ? "none" : server;
  }
}
