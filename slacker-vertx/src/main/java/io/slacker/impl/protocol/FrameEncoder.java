package io.slacker.impl.protocol;

import io.slacker.CallMetadata;
import io.slacker.ServiceException;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.util.Map;

/** Builds complete frames, length field included, ready to write to a socket. */
public final class FrameEncoder {

  /** Writes a serialized payload into a frame that is being built. */
  @FunctionalInterface
  public interface PayloadWriter {
    void write(Buffer out) throws IOException;
  }

  private FrameEncoder() {
  }

  /**
   * A request. {@code serviceName}/{@code methodName} non-null selects the by-name form,
   * otherwise the ids are sent.
   */
  public static Buffer request(int callId, int serialization, long timeoutMillis, boolean oneWay, boolean toLeader,
                               int serviceId, int methodId, String serviceName, String methodName,
                               CallMetadata metadata, PayloadWriter payload) throws IOException {
    boolean byName = serviceName != null;
    boolean withMetadata = metadata != null && !metadata.isEmpty();
    int flags = (byName ? Protocol.FLAG_BY_NAME : 0)
        | (withMetadata ? Protocol.FLAG_METADATA : 0)
        | (oneWay ? Protocol.FLAG_ONE_WAY : 0)
        | (toLeader ? Protocol.FLAG_LEADER : 0);
    Buffer frame = start(FrameType.REQUEST, flags, serialization, callId, 128);
    frame.appendUnsignedInt(timeoutMillis);
    if (byName) {
      WireStrings.append(frame, serviceName);
      WireStrings.append(frame, methodName);
    } else {
      frame.appendInt(serviceId).appendInt(methodId);
    }
    if (withMetadata) {
      frame.appendUnsignedShort(metadata.size());
      for (Map.Entry<String, byte[]> entry : metadata.asMap().entrySet()) {
        WireStrings.append(frame, entry.getKey());
        frame.appendInt(entry.getValue().length).appendBytes(entry.getValue());
      }
    }
    payload.write(frame);
    return finish(frame);
  }

  public static Buffer response(int callId, int serialization, PayloadWriter payload) throws IOException {
    Buffer frame = start(FrameType.RESPONSE, 0, serialization, callId, 64);
    payload.write(frame);
    return finish(frame);
  }

  public static Buffer error(int callId, StatusCode code, String message, String remoteClass) {
    return finish(startError(callId, code, message, remoteClass));
  }

  /**
   * An ERROR for {@code failure} (§5). With {@code extended} (the peer announced
   * {@link Protocol#CAPABILITY_EXTENDED_ERRORS}) it carries the failure code and details; without,
   * only the relayed code, if any.
   */
  public static Buffer error(int callId, SlackerException failure, boolean extended) {
    Buffer frame = startError(callId, failure.code(), failure.getMessage(), failure.remoteClass());
    int relayed = failure.relayedCode() == null ? 0 : failure.relayedCode().value();
    if (!extended) {
      if (relayed != 0) {
        frame.appendUnsignedShort(relayed);
      }
      return finish(frame);
    }
    boolean hasCode = failure instanceof ServiceException;
    byte[] details = failure.details() == null ? null : failure.details().toBuffer().getBytes();
    frame.appendUnsignedShort(relayed)
        .appendUnsignedByte((short) ((hasCode ? Protocol.ERROR_HAS_FAILURE_CODE : 0) | (details != null ? Protocol.ERROR_HAS_DETAILS : 0)));
    if (hasCode) {
      frame.appendInt(((ServiceException) failure).failureCode());
    }
    if (details != null) {
      frame.appendUnsignedInt(details.length).appendBytes(details);
    }
    return finish(frame);
  }

  private static Buffer startError(int callId, StatusCode code, String message, String remoteClass) {
    Buffer frame = start(FrameType.ERROR, 0, Protocol.NO_SERIALIZATION, callId, 64);
    frame.appendUnsignedShort(code.value());
    WireStrings.appendTruncated(frame, message);
    WireStrings.appendTruncated(frame, remoteClass);
    return frame;
  }

  public static Buffer ping(int pingId) {
    return finish(start(FrameType.PING, 0, Protocol.NO_SERIALIZATION, pingId, 0));
  }

  public static Buffer pong(int pingId) {
    return finish(start(FrameType.PONG, 0, Protocol.NO_SERIALIZATION, pingId, 0));
  }

  public static Buffer cancel(int callId) {
    return finish(start(FrameType.CANCEL, 0, Protocol.NO_SERIALIZATION, callId, 0));
  }

  public static Buffer goaway(StatusCode code, String message) {
    Buffer frame = start(FrameType.GOAWAY, 0, Protocol.NO_SERIALIZATION, 0, 32);
    frame.appendUnsignedShort(code.value());
    WireStrings.appendTruncated(frame, message);
    return finish(frame);
  }

  /** A HELLO announcing {@link Protocol#CAPABILITIES}. */
  public static Buffer hello(int maxFrameSize, int[] serializationIds) {
    return hello(maxFrameSize, serializationIds, null);
  }

  /** A server's HELLO, with the incarnation it registered with in discovery, if any (§8). */
  public static Buffer hello(int maxFrameSize, int[] serializationIds, String incarnation) {
    return hello(maxFrameSize, serializationIds, Protocol.CAPABILITIES, incarnation, null);
  }

  /**
   * A HELLO with the capabilities given; a {@code token} is written after the incarnation (empty
   * when there is none) and needs {@link Protocol#CAPABILITY_AUTHENTICATION} in {@code capabilities}.
   */
  public static Buffer hello(int maxFrameSize, int[] serializationIds, long capabilities, String incarnation, String token) {
    return hello(maxFrameSize, serializationIds, capabilities, incarnation, token, null, null);
  }

  /**
   * A client's HELLO: {@link Protocol#CAPABILITIES} and {@link Protocol#CAPABILITY_CLIENT_INFO},
   * with {@link Protocol#CAPABILITY_AUTHENTICATION} and the token when there is one, then the
   * client's name (empty for none) and version.
   */
  public static Buffer clientHello(int maxFrameSize, int[] serializationIds, String token, String name, String version) {
    long capabilities = Protocol.CAPABILITIES | Protocol.CAPABILITY_CLIENT_INFO
        | (token != null ? Protocol.CAPABILITY_AUTHENTICATION : 0);
    return hello(maxFrameSize, serializationIds, capabilities, null, token, name == null ? "" : name, version);
  }

  /**
   * Each optional field in its order (§8): the incarnation, written (empty if need be) when a
   * field follows; the token; the client's name and version, when {@code version} is given.
   */
  private static Buffer hello(int maxFrameSize, int[] serializationIds, long capabilities, String incarnation,
                              String token, String clientName, String clientVersion) {
    Buffer frame = start(FrameType.HELLO, 0, Protocol.NO_SERIALIZATION, 0, 32);
    frame.appendUnsignedInt(maxFrameSize).appendUnsignedByte((short) serializationIds.length);
    for (int id : serializationIds) {
      frame.appendUnsignedByte((short) id);
    }
    frame.appendUnsignedInt(capabilities);
    if (incarnation != null || token != null || clientVersion != null) {
      WireStrings.append(frame, incarnation == null ? "" : incarnation);
    }
    if (token != null) {
      WireStrings.append(frame, token);
    }
    if (clientVersion != null) {
      WireStrings.append(frame, clientName);
      WireStrings.append(frame, clientVersion);
    }
    return finish(frame);
  }

  private static Buffer start(int type, int flags, int serialization, int callId, int bodyHint) {
    return Buffer.buffer(Protocol.LENGTH_FIELD_SIZE + Protocol.HEADER_SIZE + bodyHint)
        .appendInt(0)
        .appendUnsignedByte((short) Protocol.MAGIC)
        .appendUnsignedByte((short) Protocol.VERSION)
        .appendUnsignedByte((short) type)
        .appendUnsignedByte((short) flags)
        .appendUnsignedByte((short) serialization)
        .appendInt(callId);
  }

  private static Buffer finish(Buffer frame) {
    return frame.setInt(0, frame.length() - Protocol.LENGTH_FIELD_SIZE);
  }
}
