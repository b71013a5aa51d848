package io.slacker.impl.serialization;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import io.slacker.impl.Utf8Validator;

/**
 * Where the raw bytes of a text token (a string value or a field name) lie in a binary payload,
 * found from the offset of the token's first byte, so that they can be checked as strict UTF-8.
 * A token that carries no bytes of its own (a back-reference to a string seen before, an empty
 * string, a CBOR map key that is a number) has nothing to check; so has a token the parser will
 * reject anyway as malformed.
 */
interface TextTokens {

  /**
   * @param limit where the payload ends in {@code bytes}
   * @return the offset of the first byte of the token's text that is not valid UTF-8, or -1
   */
  int firstInvalid(byte[] bytes, int tokenStart, int limit, boolean fieldName);

  /**
   * The error for text that is not strict UTF-8, the same from every format's parser.
   *
   * @param offsetInPayload where the first bad byte lies, counted from the start of the payload
   */
  static JsonParseException notUtf8(JsonParser parser, int offsetInPayload) {
    return new JsonParseException(parser, "text is not valid UTF-8 (at byte " + offsetInPayload + " of the payload)");
  }

  /** CBOR (RFC 8949): major type 3, definite or chunked; tags before the string are skipped. */
  TextTokens CBOR = (bytes, tokenStart, limit, fieldName) -> {
    int at = tokenStart;
    while (at < limit && (bytes[at] & 0xFF) >> 5 == 6) {
      int head = cborHeadLength(bytes[at]);
      if (head < 0) {
        return -1;
      }
      at += head;
    }
    if (at >= limit || (bytes[at] & 0xFF) >> 5 != 3) {
      return -1;
    }
    if ((bytes[at] & 0x1F) != 31) {
      return cborChunk(bytes, at, limit);
    }
    // Indefinite length: definite text chunks up to the 0xFF break, each valid UTF-8 by itself.
    at++;
    while (at < limit && (bytes[at] & 0xFF) != 0xFF) {
      if ((bytes[at] & 0xFF) >> 5 != 3 || (bytes[at] & 0x1F) == 31) {
        return -1;
      }
      int invalid = cborChunk(bytes, at, limit);
      if (invalid >= 0) {
        return invalid;
      }
      at += cborHeadLength(bytes[at]) + (int) Math.min(Integer.MAX_VALUE, cborArgument(bytes, at, limit));
    }
    return -1;
  };

  /**
   * Smile: the type byte gives the kind of string and, for short ones, the byte length; long ones
   * end at the 0xFC marker. ASCII kinds must hold 7-bit bytes only.
   */
  TextTokens SMILE = (bytes, tokenStart, limit, fieldName) -> {
    if (tokenStart < 0 || tokenStart >= limit) {
      return -1;
    }
    int type = bytes[tokenStart] & 0xFF;
    int start = tokenStart + 1;
    if (fieldName) {
      if (type == 0x34) {
        return Utf8Validator.firstInvalid(bytes, start, smileLongEnd(bytes, start, limit));
      } else if (type >= 0x80 && type <= 0xBF) {
        return Utf8Validator.firstNonAscii(bytes, start, Math.min(limit, start + (type & 0x3F) + 1));
      } else if (type >= 0xC0 && type <= 0xF7) {
        return Utf8Validator.firstInvalid(bytes, start, Math.min(limit, start + (type & 0x3F) + 2));
      }
      return -1;
    }
    if (type >= 0x40 && type <= 0x7F) {
      int length = (type & 0x1F) + (type < 0x60 ? 1 : 33);
      return Utf8Validator.firstNonAscii(bytes, start, Math.min(limit, start + length));
    } else if (type >= 0x80 && type <= 0xBF) {
      int length = (type & 0x1F) + (type < 0xA0 ? 2 : 34);
      return Utf8Validator.firstInvalid(bytes, start, Math.min(limit, start + length));
    } else if (type == 0xE0) {
      return Utf8Validator.firstNonAscii(bytes, start, smileLongEnd(bytes, start, limit));
    } else if (type == 0xE4) {
      return Utf8Validator.firstInvalid(bytes, start, smileLongEnd(bytes, start, limit));
    }
    return -1;
  };

  private static int smileLongEnd(byte[] bytes, int start, int limit) {
    for (int i = start; i < limit; i++) {
      if ((bytes[i] & 0xFF) == 0xFC) {
        return i;
      }
    }
    return limit;
  }

  /** @return the bytes taken by the head of the CBOR item whose initial byte is {@code initial}, or -1 if reserved */
  private static int cborHeadLength(byte initial) {
    int info = initial & 0x1F;
    if (info < 24 || info == 31) {
      return 1;
    }
    return switch (info) {
      case 24 -> 2;
      case 25 -> 3;
      case 26 -> 5;
      case 27 -> 9;
      default -> -1;
    };
  }

  private static long cborArgument(byte[] bytes, int at, int limit) {
    int info = bytes[at] & 0x1F;
    if (info < 24) {
      return info;
    }
    int size = cborHeadLength(bytes[at]) - 1;
    if (size <= 0 || at + size >= limit) {
      return Long.MAX_VALUE;
    }
    long value = 0;
    for (int i = 1; i <= size; i++) {
      value = (value << 8) | (bytes[at + i] & 0xFF);
    }
    return value < 0 ? Long.MAX_VALUE : value;
  }

  private static int cborChunk(byte[] bytes, int at, int limit) {
    int head = cborHeadLength(bytes[at]);
    if (head < 0) {
      return -1;
    }
    long length = cborArgument(bytes, at, limit);
    int start = at + head;
    int end = (int) Math.min(limit, start + Math.min(length, Integer.MAX_VALUE));
    return Utf8Validator.firstInvalid(bytes, Math.min(start, end), end);
  }
}
