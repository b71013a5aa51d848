package io.slacker.impl.serialization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.spi.Serializer;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every format refuses text that is not strict UTF-8 wherever it sits in the arguments (a string,
 * a field name, a field the method ignores), and bytes after the argument array; well-formed
 * text, the replacement character and 4-byte characters included, still decodes.
 */
class StrictUtf8ArgumentsTest {

  record Named(String name) {
  }

  private static final JavaType STRING = TypeFactory.defaultInstance().constructType(String.class);
  private static final JavaType NAMED = TypeFactory.defaultInstance().constructType(Named.class);
  private static final JavaType MAP = TypeFactory.defaultInstance().constructType(Map.class);

  /** Malformed sequences of the same byte count as the "XXX" they replace. */
  private static final List<byte[]> MALFORMED = List.of(
      bytes(0xED, 0xA0, 0x80),  // a surrogate, U+D800
      bytes(0xC0, 0xAF, 0x58),  // overlong '/'
      bytes(0xE2, 0x82, 0x58),  // cut short
      bytes(0xFF, 0x58, 0x58),  // never valid
      bytes(0x80, 0x58, 0x58)); // a continuation byte first

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static Serializer serializer(String format) {
    return Serializers.get().byName(format);
  }

  private static byte[] encode(Serializer serializer, Object... values) throws IOException {
    Buffer out = Buffer.buffer();
    serializer.writeValues(out, values, null);
    return out.getBytes();
  }

  /** The payload with the first "XXX" replaced by {@code replacement}. */
  private static byte[] corrupt(byte[] payload, byte[] replacement) {
    byte[] copy = payload.clone();
    for (int i = 0; i + 2 < copy.length; i++) {
      if (copy[i] == 'X' && copy[i + 1] == 'X' && copy[i + 2] == 'X') {
        System.arraycopy(replacement, 0, copy, i, 3);
        return copy;
      }
    }
    throw new AssertionError("no XXX in " + HexFormat.of().formatHex(payload));
  }

  /**
   * A {@link SlackerException} BAD_REQUEST, or a parse failure, which the server answers
   * BAD_REQUEST ("arguments do not decode").
   */
  private static void assertBadRequest(Serializer serializer, byte[] payload, JavaType type) {
    for (boolean inFrame : new boolean[]{false, true}) {
      Exception error = assertThrows(Exception.class, () -> read(serializer, payload, inFrame, type),
          () -> serializer.name() + " accepted " + HexFormat.of().formatHex(payload));
      if (error instanceof SlackerException slacker) {
        assertEquals(StatusCode.BAD_REQUEST, slacker.code(), slacker.getMessage());
      } else {
        assertTrue(error instanceof JsonProcessingException, error::toString);
      }
    }
  }

  /**
   * Decodes the payload alone, or {@code inFrame}: in the middle of a bigger buffer, as it lies in
   * a frame, between bytes that would be malformed text if the serializer read them.
   */
  private static Object[] read(Serializer serializer, byte[] payload, boolean inFrame, JavaType... types) throws IOException {
    if (!inFrame) {
      return serializer.readValues(Buffer.buffer(payload), 0, payload.length, types);
    }
    byte[] junk = bytes(0xC0, 0xAF, 0xFF, 0xED, 0xA0, 0x80, 0xFE);
    Buffer frame = Buffer.buffer().appendBytes(junk).appendBytes(payload).appendBytes(junk);
    return serializer.readValues(frame, junk.length, junk.length + payload.length, types);
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void malformedTextInAStringIsABadRequest(String format) throws IOException {
    Serializer serializer = serializer(format);
    // Short ASCII, short non-ASCII and long strings take different paths in the binary formats.
    for (String text : List.of("aXXXb", "éXXX", "XXX" + "y".repeat(100), "é".repeat(40) + "XXX" + "z".repeat(70))) {
      byte[] valid = encode(serializer, text);
      assertArrayEquals(new Object[]{text}, read(serializer, valid, false, STRING));
      assertArrayEquals(new Object[]{text}, read(serializer, valid, true, STRING));
      for (byte[] malformed : MALFORMED) {
        assertBadRequest(serializer, corrupt(valid, malformed), STRING);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void malformedTextInAFieldNameOrAnIgnoredFieldIsABadRequest(String format) throws IOException {
    Serializer serializer = serializer(format);
    for (Map<String, Object> value : List.of(Map.<String, Object>of("nXXX", "v"), Map.<String, Object>of("é-nameXXX", "v"),
        Map.<String, Object>of("name", "ok", "ignored", List.of("XXX")))) {
      byte[] valid = encode(serializer, value);
      for (byte[] malformed : MALFORMED) {
        assertBadRequest(serializer, corrupt(valid, malformed), MAP);
        assertBadRequest(serializer, corrupt(valid, malformed), NAMED);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void wellFormedTextStillDecodes(String format) throws IOException {
    Serializer serializer = serializer(format);
    String text = "a\uFFFDé€\uD83D\uDE00" + "long".repeat(30);
    byte[] payload = encode(serializer, text, new Named(text));
    assertArrayEquals(new Object[]{text, new Named(text)}, read(serializer, payload, false, STRING, NAMED));
    assertArrayEquals(new Object[]{text, new Named(text)}, read(serializer, payload, true, STRING, NAMED));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void bytesAfterTheArgumentArrayAreABadRequest(String format) throws IOException {
    Serializer serializer = serializer(format);
    byte[] valid = encode(serializer, "abc");
    for (byte[] tail : List.of("xyz".getBytes(), encode(serializer, "again"), bytes(0x00))) {
      byte[] payload = new byte[valid.length + tail.length];
      System.arraycopy(valid, 0, payload, 0, valid.length);
      System.arraycopy(tail, 0, payload, valid.length, tail.length);
      for (boolean inFrame : new boolean[]{false, true}) {
        SlackerException error = assertThrows(SlackerException.class, () -> read(serializer, payload, inFrame, STRING));
        assertEquals(StatusCode.BAD_REQUEST, error.code());
        assertEquals("unexpected bytes after the " + format + " argument array", error.getMessage());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"smile", "cbor"})
  void theErrorNamesTheBadBytesOffsetInThePayloadWhereverThePayloadLies(String format) throws IOException {
    Serializer serializer = serializer(format);
    byte[] valid = encode(serializer, "abcXXXdef");
    byte[] malformed = corrupt(valid, MALFORMED.get(0));
    int at = new String(valid, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("XXX");
    for (boolean inFrame : new boolean[]{false, true}) {
      Exception error = assertThrows(Exception.class, () -> read(serializer, malformed, inFrame, STRING));
      assertTrue(error.getMessage().contains("not valid UTF-8 (at byte " + at + " of the payload)"), error.getMessage());
    }
  }

  @org.junit.jupiter.api.Test
  void aSmilePayloadWithoutItsHeaderOrWithABrokenOneDoesNotDecode() throws IOException {
    Serializer serializer = serializer("smile");
    com.fasterxml.jackson.databind.ObjectMapper headerless = new com.fasterxml.jackson.databind.ObjectMapper(
        com.fasterxml.jackson.dataformat.smile.SmileFactory.builder()
            .disable(com.fasterxml.jackson.dataformat.smile.SmileGenerator.Feature.WRITE_HEADER).build());
    byte[] withoutHeader = headerless.writeValueAsBytes(List.of("abc"));
    byte[] brokenHeader = encode(serializer, "abc");
    brokenHeader[2] = 'X';
    for (byte[] payload : List.of(withoutHeader, brokenHeader)) {
      for (boolean inFrame : new boolean[]{false, true}) {
        assertThrows(Exception.class, () -> read(serializer, payload, inFrame, STRING), HexFormat.of().formatHex(payload));
      }
    }
    byte[] valid = encode(serializer, "abc");
    assertArrayEquals(new Object[]{"abc"}, read(serializer, valid, true, STRING));
  }
}
