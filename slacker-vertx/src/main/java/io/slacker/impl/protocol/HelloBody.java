package io.slacker.impl.protocol;

import io.vertx.core.buffer.Buffer;

/**
 * The body of a HELLO frame: the largest frame the sender accepts, its serializations, its
 * capabilities, from a server registered in discovery its incarnation, and from a client that
 * authenticates its bearer token ({@code null} when absent).
 */
public record HelloBody(long maxFrameSize, int[] serializationIds, long capabilities, String incarnation, String token) {

  public static HelloBody read(Frame frame) {
    Buffer in = frame.bytes();
    int end = frame.end();
    int[] cursor = {frame.bodyStart()};
    long maxFrameSize = WireStrings.readUnsignedInt(in, cursor, end, "hello max frame size");
    WireStrings.require(cursor[0] + 1, end, "hello serialization count");
    int count = in.getUnsignedByte(cursor[0]++);
    WireStrings.require(cursor[0] + count, end, "hello serialization ids");
    int[] ids = new int[count];
    for (int i = 0; i < count; i++) {
      ids[i] = in.getUnsignedByte(cursor[0]++);
    }
    long capabilities = WireStrings.readUnsignedInt(in, cursor, end, "hello capabilities");
    // Optional: a client, or a server outside discovery, sends none.
    String incarnation = cursor[0] < end ? WireStrings.read(in, cursor, end, "hello incarnation") : null;
    // Read only under its capability bit: bytes after the last known field are ignored (§8).
    boolean hasToken = (capabilities & Protocol.CAPABILITY_AUTHENTICATION) != 0 && cursor[0] < end;
    String token = hasToken ? WireStrings.read(in, cursor, end, "hello token") : null;
    return new HelloBody(maxFrameSize, ids, capabilities, emptyAsNull(incarnation), emptyAsNull(token));
  }

  private static String emptyAsNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
