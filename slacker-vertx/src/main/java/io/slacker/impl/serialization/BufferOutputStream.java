package io.slacker.impl.serialization;

import io.vertx.core.buffer.Buffer;

import java.io.OutputStream;

/** Lets Jackson write straight into the frame being built. */
final class BufferOutputStream extends OutputStream {

  private final Buffer buffer;

  BufferOutputStream(Buffer buffer) {
    this.buffer = buffer;
  }

  @Override
  public void write(int b) {
    buffer.appendByte((byte) b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    buffer.appendBytes(bytes, offset, length);
  }
}
