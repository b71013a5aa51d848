package io.slacker.test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Frames built byte by byte from docs/protocol.md, independently of the project's encoder, so
 * that tests check the implementation against the specification rather than against itself.
 */
public final class RawFrames {

  // docs/protocol.md §2 and §3
  public static final int MAGIC = 0xAC;
  public static final int VERSION = 1;
  public static final int REQUEST = 1;
  public static final int RESPONSE = 2;
  public static final int ERROR = 3;
  public static final int PING = 4;
  public static final int PONG = 5;
  public static final int CANCEL = 6;
  public static final int GOAWAY = 7;
  public static final int HELLO = 8;
  // §4
  public static final int FLAG_BY_NAME = 0x01;
  public static final int FLAG_METADATA = 0x02;
  public static final int FLAG_ONE_WAY = 0x04;
  public static final int FLAG_LEADER = 0x08;
  // §6
  public static final int JSON = 1;
  public static final int SMILE = 2;
  public static final int CBOR = 3;
  // §5
  public static final int NOT_FOUND = 1;
  public static final int BAD_REQUEST = 2;
  public static final int APPLICATION_ERROR = 3;
  public static final int OVERLOADED = 4;
  public static final int DEADLINE_EXCEEDED = 5;
  public static final int CANCELLED = 6;
  public static final int UNAVAILABLE = 7;
  public static final int PROTOCOL_ERROR = 8;

  private RawFrames() {
  }

  /** §4: 32-bit FNV-1a over the UTF-8 bytes. */
  public static int fnv1a(String text) {
    int hash = 0x811C9DC5;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xFF;
      hash *= 0x01000193;
    }
    return hash;
  }

  public static byte[] frame(int magic, int version, int type, int flags, int serialization, int callId, byte[] body) {
    return write(out -> {
      out.writeInt(9 + body.length);
      out.writeByte(magic);
      out.writeByte(version);
      out.writeByte(type);
      out.writeByte(flags);
      out.writeByte(serialization);
      out.writeInt(callId);
      out.write(body);
    });
  }

  public static byte[] frame(int type, int flags, int serialization, int callId, byte[] body) {
    return frame(MAGIC, VERSION, type, flags, serialization, callId, body);
  }

  public static byte[] hello() {
    return hello(16 * 1024 * 1024, JSON, SMILE);
  }

  /** §8: a HELLO with no capabilities. */
  public static byte[] hello(long maxFrameSize, int... serializationIds) {
    return frame(HELLO, 0, 0, 0, write(out -> {
      out.writeInt((int) maxFrameSize);
      out.writeByte(serializationIds.length);
      for (int id : serializationIds) {
        out.writeByte(id);
      }
      out.writeInt(0);
    }));
  }

  /** A request by numeric ids with a JSON (or other) argument array. */
  public static byte[] request(int callId, int serialization, long timeoutMillis, String service, String signature, byte[] args) {
    return request(callId, 0, serialization, timeoutMillis, service, signature, args);
  }

  /** A request by numeric ids with the given flags; a METADATA flag is only set, no block is added. */
  public static byte[] request(int callId, int flags, int serialization, long timeoutMillis, String service, String signature,
                               byte[] args) {
    return frame(REQUEST, flags, serialization, callId, write(out -> {
      out.writeInt((int) timeoutMillis);
      out.writeInt(fnv1a(service));
      out.writeInt(fnv1a(signature));
      out.write(args);
    }));
  }

  /** A by-name request with one metadata entry. */
  public static byte[] requestByName(int callId, String service, String method, String metaKey, String metaValue, String jsonArgs) {
    return frame(REQUEST, FLAG_BY_NAME | FLAG_METADATA, JSON, callId, write(out -> {
      out.writeInt(5000);
      string(out, service);
      string(out, method);
      out.writeShort(1);
      string(out, metaKey);
      byte[] value = metaValue.getBytes(StandardCharsets.UTF_8);
      out.writeInt(value.length);
      out.write(value);
      out.write(jsonArgs.getBytes(StandardCharsets.UTF_8));
    }));
  }

  public static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] concat(byte[]... parts) {
    return write(out -> {
      for (byte[] part : parts) {
        out.write(part);
      }
    });
  }

  /** Writes a wire string: a u16 length, then UTF-8 bytes. */
  public static void string(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeShort(bytes.length);
    out.write(bytes);
  }

  /** Writes the fields of a frame body. */
  public interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  /** @return the bytes {@code writer} writes */
  public static byte[] write(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
