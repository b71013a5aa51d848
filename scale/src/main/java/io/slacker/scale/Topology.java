package io.slacker.scale;

import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * Who publishes and who watches what, the same in every JVM of a run: simulated server {@code i}
 * listens (nominally; nothing does) on 127.0.0.1:{@code BASE_PORT + i} and publishes {@code S}
 * services out of a pool of {@code P} names; client {@code c} watches {@code W} of them.
 */
record Topology(int servicesPerServer, int servicePool, int watchedPerClient) {

  static final int BASE_PORT = 20_000;

  static String service(int index) {
    return String.format("scale.Service%03d", index);
  }

  static SocketAddress address(int server) {
    return SocketAddress.inetSocketAddress(BASE_PORT + server, "127.0.0.1");
  }

  static String addressKey(int server) {
    return "127.0.0.1:" + (BASE_PORT + server);
  }

  static int serverOf(String addressKey) {
    return Integer.parseInt(addressKey.substring(addressKey.lastIndexOf(':') + 1)) - BASE_PORT;
  }

  List<String> servicesOf(int server) {
    List<String> services = new ArrayList<>(servicesPerServer);
    for (int j = 0; j < servicesPerServer; j++) {
      services.add(service((int) (((long) server * servicesPerServer + j) % servicePool)));
    }
    return services;
  }

  List<String> watchedBy(int client) {
    List<String> services = new ArrayList<>(watchedPerClient);
    for (int k = 0; k < watchedPerClient; k++) {
      services.add(service((int) (((long) client * watchedPerClient + k) % servicePool)));
    }
    return services;
  }
}
