package io.slacker.cluster.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * A server's service set: every service it runs. Servers that run the same services share one
 * set node, so that a service's index lists sets, not servers, and a server joins or leaves with
 * one write whatever its number of services (docs/cluster.md §1).
 */
final class ServiceSets {

  /** Bytes of the SHA-256 of the sorted names kept in a set id: 96 bits, collisions out of reach. */
  private static final int ID_BYTES = 12;

  private ServiceSets() {
  }

  /** @return the id of the set of {@code services}, in any order: 24 hex digits */
  static String id(Collection<String> services) {
    StringBuilder names = new StringBuilder();
    for (String service : new TreeSet<>(services)) {
      names.append(service).append('\n');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(names.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, ID_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
