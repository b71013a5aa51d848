package io.slacker.cluster.impl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** The host a server publishes: never a wildcard, and found without a DNS lookup. */
final class AdvertisedHost {

  private AdvertisedHost() {
  }

  static String resolve(String configured, String listenHost) {
    if (configured != null) {
      return configured;
    }
    if (!listenHost.equals("0.0.0.0") && !listenHost.equals("::") && !listenHost.equals("[::]")) {
      return listenHost;
    }
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
            return address.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      // No interface list: fall through to loopback, which still works on one machine.
    }
    return "127.0.0.1";
  }
}
