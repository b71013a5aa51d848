package io.slacker.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import io.slacker.MethodDescriptor;
import io.slacker.test.EchoServices;
import io.slacker.test.RawFrames;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Frames built from docs/protocol.md, most of them well-formed: requests to every method of
 * {@link EchoServices} by id or by name, with or without metadata, in each format, with valid
 * and invalid payloads; pings, pongs, cancels, HELLOs; frames a client must not send. A share of
 * them is then mutated by {@link Mutator}. Everything comes from one seeded random source, so a
 * seed gives the same frames again.
 */
final class FrameGenerator {

  /** A frame and whether it was mutated after it was built. */
  record Generated(byte[] bytes, boolean mutated) {
  }

  private static final int[] FORMATS = {RawFrames.JSON, RawFrames.SMILE, RawFrames.CBOR};
  private static final ObjectMapper[] MAPPERS = {new ObjectMapper(new JsonFactory()), new ObjectMapper(new SmileFactory()),
      new ObjectMapper(new CBORFactory())};
  private static final List<MethodDescriptor> METHODS = List.of(EchoServices.ECHO, EchoServices.ADD, EchoServices.RENAME,
      EchoServices.THROWS, EchoServices.FAILS, EchoServices.PASSES_ON, EchoServices.NEVER, EchoServices.SLEEP,
      EchoServices.BLOB, EchoServices.NOTIFY, EchoServices.METADATA);

  private final SplittableRandom random;
  private final Mutator mutator;
  private final int mutationPercent;
  private int callIds;

  FrameGenerator(long seed, int mutationPercent) {
    this.random = new SplittableRandom(seed);
    this.mutator = new Mutator(random);
    this.mutationPercent = mutationPercent;
  }

  Generated next() {
    byte[] frame = wellFormed();
    if (random.nextInt(100) < mutationPercent) {
      return new Generated(mutator.mutate(frame), true);
    }
    return new Generated(frame, false);
  }

  /** A HELLO as a client sends it first. */
  byte[] hello() {
    return RawFrames.hello(FuzzConnection.MAX_FRAME, RawFrames.JSON, RawFrames.SMILE, RawFrames.CBOR);
  }

  private byte[] wellFormed() {
    int pick = random.nextInt(100);
    if (pick < 76) {
      return request();
    } else if (pick < 84) {
      return RawFrames.frame(RawFrames.PING, 0, 0, random.nextInt(), new byte[0]);
    } else if (pick < 86) {
      return RawFrames.frame(RawFrames.PONG, 0, 0, random.nextInt(), new byte[0]);
    } else if (pick < 94) {
      // Mostly a call that may still run, sometimes one never sent.
      int callId = random.nextInt(4) == 0 ? random.nextInt() : Math.max(1, callIds - random.nextInt(8));
      return RawFrames.frame(RawFrames.CANCEL, 0, 0, callId, new byte[0]);
    } else if (pick < 95) {
      return hello();
    } else if (pick < 96) {
      return RawFrames.frame(RawFrames.RESPONSE, 0, RawFrames.JSON, random.nextInt(), RawFrames.json("\"x\""));
    } else if (pick < 97) {
      return RawFrames.frame(RawFrames.ERROR, 0, 0, random.nextInt(4) == 0 ? 0 : random.nextInt(), new byte[]{0, 2, 0, 1, 'x', 0, 0});
    } else if (pick < 98) {
      return RawFrames.frame(RawFrames.GOAWAY, 0, 0, 0, new byte[]{0, 7, 0, 0});
    }
    return RawFrames.frame(9 + random.nextInt(247), 0, 0, random.nextInt(), randomBytes(random.nextInt(16)));
  }

  private byte[] request() {
    MethodDescriptor method = METHODS.get(random.nextInt(METHODS.size()));
    int format = random.nextInt(10) == 0 ? random.nextInt(256) : FORMATS[random.nextInt(FORMATS.length)];
    boolean byName = random.nextInt(4) == 0;
    boolean withMetadata = method == EchoServices.METADATA || random.nextInt(5) == 0;
    boolean oneWay = method == EchoServices.NOTIFY || random.nextInt(50) == 0;
    int flags = (byName ? RawFrames.FLAG_BY_NAME : 0) | (withMetadata ? RawFrames.FLAG_METADATA : 0)
        | (oneWay ? RawFrames.FLAG_ONE_WAY : 0);
    // A short deadline for most: calls to never() must end, and deadlines are worth fuzzing too.
    long timeout = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(method == EchoServices.NEVER ? 200 : 5_000);
    int callId = ++callIds == 0 ? ++callIds : callIds;
    byte[] payload = payload(method, format);
    return RawFrames.frame(RawFrames.REQUEST, flags, format, callId, RawFrames.write(out -> {
      out.writeInt((int) timeout);
      if (byName) {
        RawFrames.string(out, method.serviceName());
        RawFrames.string(out, random.nextInt(20) == 0 ? "no" + method.methodName() : method.methodName());
      } else {
        out.writeInt(random.nextInt(30) == 0 ? random.nextInt() : method.serviceId());
        out.writeInt(random.nextInt(30) == 0 ? random.nextInt() : method.methodId());
      }
      if (withMetadata) {
        int count = random.nextInt(4);
        out.writeShort(count + (method == EchoServices.METADATA ? 1 : 0));
        if (method == EchoServices.METADATA) {
          RawFrames.string(out, "trace");
          out.writeInt(3);
          out.write("abc".getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < count; i++) {
          RawFrames.string(out, text(1 + random.nextInt(20)));
          byte[] value = randomBytes(random.nextInt(random.nextInt(10) == 0 ? 4096 : 64));
          out.writeInt(value.length);
          out.write(value);
        }
      }
      out.write(payload);
    }));
  }

  /** The arguments, well-formed for the method in most frames, in the frame's format when it has one. */
  private byte[] payload(MethodDescriptor method, int format) {
    int index = format >= 1 && format <= 3 ? format - 1 : 0;
    ObjectMapper mapper = MAPPERS[index];
    int pick = random.nextInt(100);
    try {
      if (pick < 75) {
        return mapper.writeValueAsBytes(arguments(method));
      } else if (pick < 80) {
        return randomBytes(random.nextInt(64));
      } else if (pick < 85) {
        return mapper.writeValueAsBytes(List.of(text(5), random.nextInt(), List.of()));
      } else if (pick < 90) {
        return Mutator.withInvalidUtf8(mapper.writeValueAsBytes(List.of("ab" + text(8))), random);
      } else if (pick < 94) {
        byte[] valid = mapper.writeValueAsBytes(arguments(method));
        return RawFrames.concat(valid, randomBytes(1 + random.nextInt(8)));
      } else if (pick < 97) {
        byte[] valid = mapper.writeValueAsBytes(arguments(method));
        return java.util.Arrays.copyOf(valid, random.nextInt(valid.length + 1));
      }
      int depth = 100 + random.nextInt(3_000);
      return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Object[] arguments(MethodDescriptor method) {
    if (method == EchoServices.ADD) {
      return new Object[]{random.nextInt(), random.nextInt()};
    } else if (method == EchoServices.RENAME) {
      return new Object[]{new EchoServices.User(random.nextLong(), text(10), List.of(text(3), text(4))), text(6)};
    } else if (method == EchoServices.NEVER) {
      return new Object[0];
    } else if (method == EchoServices.SLEEP) {
      return new Object[]{(long) random.nextInt(3)};
    } else if (method == EchoServices.BLOB) {
      return new Object[]{random.nextInt(2_048)};
    } else if (method == EchoServices.METADATA) {
      return new Object[]{"trace"};
    }
    return new Object[]{text(random.nextInt(random.nextInt(20) == 0 ? 20_000 : 40))};
  }

  /** Text with ASCII, 2-, 3- and 4-byte characters. */
  private String text(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(20);
      if (pick == 0) {
        text.appendCodePoint(0x1F600 + random.nextInt(64));
      } else if (pick == 1) {
        text.append((char) (0x4E00 + random.nextInt(0x100)));
      } else if (pick == 2) {
        text.append((char) (0xC0 + random.nextInt(0x40)));
      } else {
        text.append((char) ('a' + random.nextInt(26)));
      }
    }
    return text.toString();
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }
}
