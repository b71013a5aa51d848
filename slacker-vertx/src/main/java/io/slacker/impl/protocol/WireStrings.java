package io.slacker.impl.protocol;

import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.impl.Utf8Validator;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/** Strings on the wire: a u16 byte count, then UTF-8 bytes. */
final class WireStrings {

  static final int MAX_BYTES = Protocol.MAX_STRING_BYTES;

  private WireStrings() {
  }

  static void append(Buffer out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("string of " + bytes.length + " UTF-8 bytes is longer than the protocol's " + MAX_BYTES);
    }
    out.appendUnsignedShort(bytes.length).appendBytes(bytes);
  }

  /** Appends at most {@link #MAX_BYTES} bytes, cutting a longer text at a character boundary. */
  static void appendTruncated(Buffer out, String value) {
    String text = value == null ? "" : value;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_BYTES) {
      int chars = Math.min(text.length(), MAX_BYTES / 3);
      bytes = text.substring(0, chars).getBytes(StandardCharsets.UTF_8);
    }
    out.appendUnsignedShort(bytes.length).appendBytes(bytes);
  }

  /** Reads a string at {@code cursor[0]} and advances the cursor past it. */
  static String read(Buffer in, int[] cursor, int end, String what) {
    int length = readUnsignedShort(in, cursor, end, what);
    int start = cursor[0];
    if (start + length > end) {
      throw malformed(what + " claims " + length + " bytes but only " + (end - start) + " remain");
    }
    cursor[0] = start + length;
    byte[] bytes = in.getBytes(start, start + length);
    int invalid = Utf8Validator.firstInvalid(bytes, 0, length);
    if (invalid >= 0) {
      // Decoding would replace the bytes silently: two different names could then read the same.
      throw malformed(what + " is not valid UTF-8 (at byte " + invalid + " of the string)");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Reads a u16 at {@code cursor[0]} without moving the cursor. */
  static int peekUnsignedShort(Buffer in, int[] cursor, int end, String what) {
    require(cursor[0] + 2, end, what);
    return in.getUnsignedShort(cursor[0]);
  }

  static int readUnsignedShort(Buffer in, int[] cursor, int end, String what) {
    require(cursor[0] + 2, end, what);
    int value = in.getUnsignedShort(cursor[0]);
    cursor[0] += 2;
    return value;
  }

  static long readUnsignedInt(Buffer in, int[] cursor, int end, String what) {
    require(cursor[0] + 4, end, what);
    long value = in.getUnsignedInt(cursor[0]);
    cursor[0] += 4;
    return value;
  }

  static int readInt(Buffer in, int[] cursor, int end, String what) {
    require(cursor[0] + 4, end, what);
    int value = in.getInt(cursor[0]);
    cursor[0] += 4;
    return value;
  }

  static void require(int needed, int end, String what) {
    if (needed > end) {
      throw malformed("frame ends inside the " + what);
    }
  }

  static SlackerException malformed(String detail) {
    return new SlackerException(StatusCode.PROTOCOL_ERROR, "malformed frame body: " + detail);
  }
}
