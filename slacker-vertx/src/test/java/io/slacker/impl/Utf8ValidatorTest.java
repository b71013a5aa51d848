package io.slacker.impl;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The validator passes ASCII a word at a time: a bad byte must be found wherever it falls in a word. */
class Utf8ValidatorTest {

  @Test
  void aBadByteIsFoundAtEveryPositionOfALongAsciiRun() {
    for (int length = 1; length <= 40; length++) {
      for (int bad = 0; bad < length; bad++) {
        byte[] text = new byte[length + 6];
        Arrays.fill(text, (byte) 'a');
        text[3 + bad] = (byte) 0xC0;
        assertEquals(3 + bad, Utf8Validator.firstInvalid(text, 3, 3 + length), "length " + length + ", bad at " + bad);
        assertEquals(3 + bad, Utf8Validator.firstNonAscii(text, 3, 3 + length), "length " + length + ", bad at " + bad);
      }
    }
  }

  @Test
  void bytesOutsideTheRangeAreNotLookedAt() {
    byte[] text = new byte[24];
    Arrays.fill(text, (byte) 'a');
    text[2] = (byte) 0xFF;
    text[20] = (byte) 0xFF;
    assertEquals(-1, Utf8Validator.firstInvalid(text, 3, 20));
    assertEquals(-1, Utf8Validator.firstNonAscii(text, 3, 20));
  }

  @Test
  void validMultiByteTextBetweenAsciiRunsPasses() {
    byte[] text = "plain ascii text, then Grüße aus Köln 😀 and ascii again at the end".getBytes(StandardCharsets.UTF_8);
    assertEquals(-1, Utf8Validator.firstInvalid(text, 0, text.length));
    int umlaut = "plain ascii text, then Gr".length();
    assertEquals(umlaut, Utf8Validator.firstNonAscii(text, 0, text.length));
  }

  @Test
  void malformedSequencesAreFoundAfterAsciiRuns() {
    String prefix = "0123456789abcdef";
    for (byte[] bad : new byte[][]{{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}}) {
      byte[] text = Arrays.copyOf(prefix.getBytes(StandardCharsets.US_ASCII), prefix.length() + bad.length);
      System.arraycopy(bad, 0, text, prefix.length(), bad.length);
      assertEquals(prefix.length(), Utf8Validator.firstInvalid(text, 0, text.length), Arrays.toString(bad));
    }
  }
}
