package io.slacker.impl.protocol;

import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.buffer.Buffer;

/**
 * One decoded frame: the fixed header fields and the frame bytes (without the length field),
 * whose body starts at {@link Protocol#HEADER_SIZE}.
 */
public final class Frame {

  private final Buffer bytes;
  private final int type;
  private final int flags;
  private final int serialization;
  private final int callId;

  private Frame(Buffer bytes) {
    this.bytes = bytes;
    this.type = bytes.getUnsignedByte(Protocol.OFFSET_TYPE);
    this.flags = bytes.getUnsignedByte(Protocol.OFFSET_FLAGS);
    this.serialization = bytes.getUnsignedByte(Protocol.OFFSET_SERIALIZATION);
    this.callId = bytes.getInt(Protocol.OFFSET_CALL_ID);
  }

  /**
   * Reads the header of a frame whose length was already checked.
   *
   * @throws SlackerException with {@code PROTOCOL_ERROR} for a wrong magic byte or version
   */
  public static Frame parse(Buffer bytes) {
    checkMagicAndVersion(bytes.getUnsignedByte(Protocol.OFFSET_MAGIC), bytes.getUnsignedByte(Protocol.OFFSET_VERSION));
    return new Frame(bytes);
  }

  /** @throws SlackerException with {@code PROTOCOL_ERROR} for a wrong magic byte or version */
  public static void checkMagicAndVersion(int magic, int version) {
    if (magic != Protocol.MAGIC) {
      throw new SlackerException(StatusCode.PROTOCOL_ERROR, String.format(
          "bad magic byte 0x%02X, expected 0x%02X: the peer does not speak the Slacker protocol", magic, Protocol.MAGIC));
    }
    if (version != Protocol.VERSION) {
      throw new SlackerException(StatusCode.PROTOCOL_ERROR,
          "unsupported protocol version " + version + "; this peer speaks version " + Protocol.VERSION);
    }
  }

  public int type() {
    return type;
  }

  public int flags() {
    return flags;
  }

  public boolean hasFlag(int flag) {
    return (flags & flag) != 0;
  }

  public int serialization() {
    return serialization;
  }

  public int callId() {
    return callId;
  }

  /** @return the frame bytes after the length field */
  public Buffer bytes() {
    return bytes;
  }

  public int bodyStart() {
    return Protocol.HEADER_SIZE;
  }

  public int end() {
    return bytes.length();
  }

  /** @return the frame's size on the wire, length field included */
  public int wireSize() {
    return Protocol.LENGTH_FIELD_SIZE + bytes.length();
  }

  @Override
  public String toString() {
    return FrameType.name(type) + "[call " + Integer.toUnsignedString(callId) + ", " + bytes.length() + " bytes]";
  }
}
