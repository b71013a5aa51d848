package io.slacker.cluster.impl;

import io.slacker.spi.LoadBalancer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@link LoadBalancer#consistentHash()}: each server owns {@link #VIRTUAL_NODES} points on a
 * 64-bit ring; a key goes to the owner of the first point at or after its hash.
 */
public final class ConsistentHashBalancer implements LoadBalancer {

  /** Enough points per server that a few servers still split the ring within a few percent. */
  static final int VIRTUAL_NODES = 160;

  @Override
  public String name() {
    return CONSISTENT_HASH;
  }

  @Override
  public Selector selector(List<? extends Candidate> candidates) {
    List<? extends Candidate> list = List.copyOf(candidates);
    int points = list.size() * VIRTUAL_NODES;
    long[][] ring = new long[points][];
    int p = 0;
    for (int i = 0; i < list.size(); i++) {
      String name = ServerAddresses.format(list.get(i).server().address());
      for (int v = 0; v < VIRTUAL_NODES; v++) {
        ring[p++] = new long[] {hash(name + "#" + v), i};
      }
    }
    Arrays.sort(ring, (a, b) -> Long.compare(a[0], b[0]));
    long[] hashes = new long[points];
    int[] owners = new int[points];
    for (int i = 0; i < points; i++) {
      hashes[i] = ring[i][0];
      owners[i] = (int) ring[i][1];
    }
    Selector spread = new RandomBalancer().selector(list);
    return key -> {
      if (key == null) {
        return spread.select(null);
      }
      int index = Arrays.binarySearch(hashes, hash(key));
      if (index < 0) {
        index = -index - 1;
      }
      return list.get(owners[index == points ? 0 : index]);
    };
  }

  /** FNV-1a over the UTF-8 bytes, then a 64-bit finalizer so that close strings land far apart. */
  static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
