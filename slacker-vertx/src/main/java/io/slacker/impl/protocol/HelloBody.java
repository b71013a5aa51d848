package io.slacker.impl.protocol;

import io.vertx.core.buffer.Buffer;

/** The body of a HELLO frame: the largest frame the sender accepts and its serializations. */
public record HelloBody(long maxFrameSize, int[] serializationIds, long capabilities) {

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
    return new HelloBody(maxFrameSize, ids, capabilities);
  }
}
