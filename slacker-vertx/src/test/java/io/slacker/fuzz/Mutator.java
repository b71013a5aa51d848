package io.slacker.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Breaks a well-formed frame (length field included) in one of the ways a faulty or hostile
 * peer would: flipped bits, a cut, a wrong length, a random type, flags, call id, serialization
 * id, magic or version, garbage appended to the body or the body cut short. Some of them keep
 * the framing intact, some desynchronize the stream on purpose.
 */
final class Mutator {

  private final SplittableRandom random;

  Mutator(SplittableRandom random) {
    this.random = random;
  }

  byte[] mutate(byte[] frame) {
    byte[] out = frame.clone();
    switch (random.nextInt(12)) {
      case 0 -> {
        for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
          int bit = random.nextInt(out.length * 8);
          out[bit / 8] ^= (byte) (1 << (bit % 8));
        }
      }
      // Cut: the length still claims the rest, so the next frames are read as this one's body.
      case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length));
      case 2 -> setLength(out, switch (random.nextInt(5)) {
        case 0 -> random.nextInt(9);
        case 1 -> out.length - 4 + 1 + random.nextInt(16);
        case 2 -> Math.max(0, out.length - 4 - 1 - random.nextInt(8));
        case 3 -> FuzzConnection.MAX_FRAME + 1 + random.nextInt(1024);
        default -> random.nextInt();
      });
      case 3 -> out[6] = (byte) random.nextInt(256);
      case 4 -> out[7] = (byte) random.nextInt(256);
      case 5 -> setInt(out, 9, switch (random.nextInt(3)) {
        case 0 -> 0;
        case 1 -> -1;
        default -> random.nextInt();
      });
      case 6 -> out[8] = (byte) random.nextInt(256);
      case 7 -> out[random.nextBoolean() ? 4 : 5] = (byte) random.nextInt(256);
      case 8 -> {
        byte[] garbage = new byte[1 + random.nextInt(32)];
        for (int i = 0; i < garbage.length; i++) {
          garbage[i] = (byte) random.nextInt(256);
        }
        out = Arrays.copyOf(out, out.length + garbage.length);
        System.arraycopy(garbage, 0, out, frame.length, garbage.length);
        setLength(out, out.length - 4);
      }
      case 9 -> {
        // Well framed, body short: the fields inside claim more than there is.
        out = Arrays.copyOf(out, 13 + random.nextInt(Math.max(1, out.length - 13)));
        setLength(out, out.length - 4);
      }
      case 10 -> out = withInvalidUtf8(out, random);
      default -> {
        // Two frames' worth of header noise: random bytes with a plausible length.
        for (int i = 13; i < out.length; i++) {
          if (random.nextInt(8) == 0) {
            out[i] = (byte) random.nextInt(256);
          }
        }
      }
    }
    return out;
  }

  /** {@code bytes} with a malformed UTF-8 sequence written over three of them past the first. */
  static byte[] withInvalidUtf8(byte[] bytes, SplittableRandom random) {
    byte[] out = bytes.clone();
    if (out.length < 4) {
      return out;
    }
    byte[][] malformed = {{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF, 'a'},
        {(byte) 0xFF, 'a', 'b'}, {(byte) 0xE2, (byte) 0x82, 'c'}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80}};
    byte[] chosen = malformed[random.nextInt(malformed.length)];
    int at = 1 + random.nextInt(out.length - 3);
    System.arraycopy(chosen, 0, out, at, 3);
    return out;
  }

  private static void setLength(byte[] frame, int length) {
    if (frame.length >= 4) {
      setInt(frame, 0, length);
    }
  }

  private static void setInt(byte[] frame, int at, int value) {
    if (frame.length >= at + 4) {
      frame[at] = (byte) (value >>> 24);
      frame[at + 1] = (byte) (value >>> 16);
      frame[at + 2] = (byte) (value >>> 8);
      frame[at + 3] = (byte) value;
    }
  }
}
