package io.slacker.cli;

import io.slacker.cluster.ServerData;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code key=value} pairs of {@code slacker data}: {@code weight}, {@code zone},
 * {@code version} or {@code attributes.<name>}; an empty value unsets a zone, a version or an
 * attribute. Checked when parsed, before any server is asked.
 */
final class ServerDataChange {

  private static final String ATTRIBUTE = "attributes.";
  private static final String KEYS = "weight, zone, version or attributes.<name>";

  private final List<Consumer<ServerData>> edits;

  private ServerDataChange(List<Consumer<ServerData>> edits) {
    this.edits = edits;
  }

  /** @throws CommandFailure {@link ExitCode#USAGE} for a pair that is not {@code key=value}, an unknown key or a bad weight */
  static ServerDataChange parse(List<String> pairs) {
    List<Consumer<ServerData>> edits = new ArrayList<>();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new CommandFailure(ExitCode.USAGE, "'" + pair + "' is not key=value; keys: " + KEYS);
      }
      String key = pair.substring(0, equals);
      String value = pair.substring(equals + 1);
      String orNull = value.isEmpty() ? null : value;
      if (key.equals("weight")) {
        int weight = weight(value);
        edits.add(data -> data.setWeight(weight));
      } else if (key.equals("zone")) {
        edits.add(data -> data.setZone(orNull));
      } else if (key.equals("version")) {
        edits.add(data -> data.setVersion(orNull));
      } else if (key.startsWith(ATTRIBUTE) && key.length() > ATTRIBUTE.length()) {
        String name = key.substring(ATTRIBUTE.length());
        edits.add(data -> {
          if (orNull == null) {
            data.getAttributes().remove(name);
          } else {
            data.putAttribute(name, orNull);
          }
        });
      } else {
        throw new CommandFailure(ExitCode.USAGE, "unknown server data key '" + key + "'; keys: " + KEYS);
      }
    }
    return new ServerDataChange(edits);
  }

  boolean isEmpty() {
    return edits.isEmpty();
  }

  /** @return a copy of {@code data} with the pairs applied, in order */
  ServerData applyTo(ServerData data) {
    ServerData changed = new ServerData(data);
    edits.forEach(edit -> edit.accept(changed));
    return changed;
  }

  private static int weight(String value) {
    try {
      int weight = Integer.parseInt(value);
      if (weight >= 0 && weight <= ServerData.MAX_WEIGHT) {
        return weight;
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    throw new CommandFailure(ExitCode.USAGE, "weight must be a whole number in 0.." + ServerData.MAX_WEIGHT + ", got '" + value + "'");
  }
}
