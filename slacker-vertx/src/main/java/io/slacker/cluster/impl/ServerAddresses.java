package io.slacker.cluster.impl;

import io.vertx.core.net.SocketAddress;

/** The {@code host:port} form servers are named by in ZooKeeper and in logs. */
public final class ServerAddresses {

  private ServerAddresses() {
  }

  public static String format(SocketAddress address) {
    return address.host() + ":" + address.port();
  }

  /** @return the address, or {@code null} when {@code text} is not {@code host:port} with a port in 1..65535 */
  public static SocketAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      return null;
    }
    try {
      int port = Integer.parseInt(text.substring(colon + 1));
      return port > 0 && port <= 65535 ? SocketAddress.inetSocketAddress(port, text.substring(0, colon)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
