package io.slacker.impl.serialization;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * A payload as an array range for Jackson's parsers: the buffer's own array where it has one
 * (every buffer a socket delivers), so a payload is not copied before it is decoded.
 */
record PayloadBytes(byte[] array, int offset, int length) {

  static PayloadBytes of(Buffer in, int start, int end) {
    ByteBuf bytes = ((BufferInternal) in).getByteBuf();
    // The view starts at the buffer's reader index, which is 0 when it covers the whole buffer.
    if (bytes.hasArray() && bytes.readableBytes() == in.length()) {
      return new PayloadBytes(bytes.array(), bytes.arrayOffset() + start, end - start);
    }
    return new PayloadBytes(in.getBytes(start, end), 0, end - start);
  }

  /** @return the offset just after the payload in {@link #array()} */
  int end() {
    return offset + length;
  }
}
