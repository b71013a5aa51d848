package io.slacker.cli;

import io.slacker.cluster.ServerData;

/** Server data in one line, for tables and watch lines: {@code weight 100, zone eu-1, version 2.3}. */
final class ServerDataText {

  private ServerDataText() {
  }

  static String of(ServerData data) {
    StringBuilder text = new StringBuilder("weight ").append(data.getWeight());
    if (data.getZone() != null) {
      text.append(", zone ").append(data.getZone());
    }
    if (data.getVersion() != null) {
      text.append(", version ").append(data.getVersion());
    }
    if (!data.getAttributes().isEmpty()) {
      text.append(", attributes ").append(data.getAttributes().encode());
    }
    return text.toString();
  }
}
