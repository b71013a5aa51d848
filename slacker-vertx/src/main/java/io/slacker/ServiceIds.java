package io.slacker;

import java.nio.charset.StandardCharsets;

/**
 * The stable numeric ids that requests carry instead of names: the 32-bit FNV-1a hash of the
 * UTF-8 bytes of the service name, and of the method signature. The generator computes the same
 * values at build time and rejects collisions; docs/protocol.md gives the algorithm.
 */
public final class ServiceIds {

  private static final int FNV_OFFSET_BASIS = 0x811C9DC5;
  private static final int FNV_PRIME = 0x01000193;

  private ServiceIds() {
  }

  public static int serviceId(String serviceName) {
    return fnv1a32(serviceName);
  }

  /** @param signature the method name and its parameters' erased type names, e.g. {@code hello(java.lang.String)} */
  public static int methodId(String signature) {
    return fnv1a32(signature);
  }

  static int fnv1a32(String text) {
    int hash = FNV_OFFSET_BASIS;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xFF;
      hash *= FNV_PRIME;
    }
    return hash;
  }
}
