package io.slacker.impl.protocol;

import io.vertx.core.buffer.Buffer;

/**
 * The body of a HELLO frame: the largest frame the sender accepts, its serializations, its
 * capabilities and, from a server registered in discovery, its incarnation ({@code null} if none).
 */
public record HelloBody(long maxFrameSize, int[] serializationIds, long capabilities, String incarnation) {

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
    return new HelloBody(maxFrameSize, ids, capabilities, incarnation == null || incarnation.isEmpty() ? null : incarnation);
  }
}
