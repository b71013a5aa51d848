package io.slacker.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF, no sequence
 * cut short. Jackson's parsers decode such bytes leniently (a replacement character, a lone
 * surrogate, or an overlong {@code C0 AF} read as {@code '/'}), so text is checked here first.
 */
public final class Utf8Validator {

  /** Eight bytes at a time: text is mostly ASCII, and a run of it is passed a word per step. */
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8Validator() {
  }

  /** @return the offset of the first byte of the first malformed sequence in {@code [from, to)}, or -1 */
  public static int firstInvalid(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        i = asciiRunEnd(bytes, i + 1, to);
        continue;
      }
      int length;
      int min;
      int max = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
        min = 0x80;
      } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        // E0 needs A0.. (no overlong), ED stops at 9F (no surrogates).
        min = b == 0xE0 ? 0xA0 : 0x80;
        max = b == 0xED ? 0x9F : 0xBF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        // F0 needs 90.. (no overlong), F4 stops at 8F (nothing above U+10FFFF).
        min = b == 0xF0 ? 0x90 : 0x80;
        max = b == 0xF4 ? 0x8F : 0xBF;
      } else {
        return i;
      }
      if (i + length > to) {
        return i;
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < min || second > max) {
        return i;
      }
      for (int k = 2; k < length; k++) {
        int next = bytes[i + k] & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return i;
        }
      }
      i += length;
    }
    return -1;
  }

  /** @return the offset of the first byte in {@code [from, to)} that is not 7-bit ASCII, or -1 */
  public static int firstNonAscii(byte[] bytes, int from, int to) {
    int i = asciiRunEnd(bytes, from, to);
    return i < to ? i : -1;
  }

  /** @return the offset of the first byte in {@code [from, to)} that is not 7-bit ASCII, or {@code to} */
  private static int asciiRunEnd(byte[] bytes, int from, int to) {
    int i = from;
    while (i + Long.BYTES <= to && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
      i += Long.BYTES;
    }
    while (i < to && bytes[i] >= 0) {
      i++;
    }
    return i;
  }
}
