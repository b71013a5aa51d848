package io.slacker.impl.protocol;

import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.buffer.Buffer;

/**
 * The body of a HELLO frame: the largest frame the sender accepts, its serializations, its
 * capabilities, from a server registered in discovery its incarnation, and from a client that
 * authenticates its bearer token ({@code null} when absent). Values that make no sense (a frame
 * limit below the header, serialization id 0, an id listed twice) are a protocol error.
 */
public record HelloBody(long maxFrameSize, int[] serializationIds, long capabilities, String incarnation, String token,
                        String clientName, String clientVersion) {

  /** The longest client name or version a server keeps; longer ones are cut (they are for display). */
  private static final int MAX_CLIENT_INFO_LENGTH = 128;

  public static HelloBody read(Frame frame) {
    Buffer in = frame.bytes();
    int end = frame.end();
    int[] cursor = {frame.bodyStart()};
    long maxFrameSize = WireStrings.readUnsignedInt(in, cursor, end, "hello max frame size");
    if (maxFrameSize < Protocol.HEADER_SIZE) {
      throw invalid("a maximum frame size of " + maxFrameSize + " bytes, below the " + Protocol.HEADER_SIZE + "-byte header");
    }
    WireStrings.require(cursor[0] + 1, end, "hello serialization count");
    int count = in.getUnsignedByte(cursor[0]++);
    WireStrings.require(cursor[0] + count, end, "hello serialization ids");
    int[] ids = new int[count];
    boolean[] seen = new boolean[256];
    for (int i = 0; i < count; i++) {
      ids[i] = in.getUnsignedByte(cursor[0]++);
      if (ids[i] == Protocol.NO_SERIALIZATION) {
        throw invalid("serialization id 0, which stands for no payload");
      }
      if (seen[ids[i]]) {
        throw invalid("serialization id " + ids[i] + " twice");
      }
      seen[ids[i]] = true;
    }
    long capabilities = WireStrings.readUnsignedInt(in, cursor, end, "hello capabilities");
    // Optional: a client, or a server outside discovery, sends none.
    String incarnation = cursor[0] < end ? WireStrings.read(in, cursor, end, "hello incarnation") : null;
    // Read only under its capability bit: bytes after the last known field are ignored (§8).
    boolean hasToken = (capabilities & Protocol.CAPABILITY_AUTHENTICATION) != 0 && cursor[0] < end;
    String token = hasToken ? WireStrings.read(in, cursor, end, "hello token") : null;
    boolean hasClientInfo = (capabilities & Protocol.CAPABILITY_CLIENT_INFO) != 0;
    String name = hasClientInfo && cursor[0] < end ? WireStrings.read(in, cursor, end, "hello client name") : null;
    String version = hasClientInfo && cursor[0] < end ? WireStrings.read(in, cursor, end, "hello client version") : null;
    return new HelloBody(maxFrameSize, ids, capabilities, emptyAsNull(incarnation), emptyAsNull(token),
        display(name), display(version));
  }

  private static String display(String value) {
    String present = emptyAsNull(value);
    return present == null || present.length() <= MAX_CLIENT_INFO_LENGTH ? present : present.substring(0, MAX_CLIENT_INFO_LENGTH);
  }

  private static String emptyAsNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static SlackerException invalid(String what) {
    return new SlackerException(StatusCode.PROTOCOL_ERROR, "HELLO announces " + what);
  }
}
