package io.slacker.impl.protocol;

/** How much metadata a request may carry: entries, bytes of one key, bytes of the whole block. */
public record MetadataLimits(int maxEntries, int maxKeyBytes, int maxBytes) {

  /** Only what the wire format itself allows. */
  public static final MetadataLimits WIRE = new MetadataLimits(0xFFFF, WireStrings.MAX_BYTES, Integer.MAX_VALUE);
}
