package io.slacker.impl.protocol;

import io.slacker.CallMetadata;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.buffer.Buffer;

/** The part of a request body before the arguments: deadline, method reference, metadata. */
public final class RequestHeader {

  private final long timeoutMillis;
  private final int serviceId;
  private final int methodId;
  private final String serviceName;
  private final String methodName;
  private final CallMetadata metadata;
  private final int payloadStart;

  private RequestHeader(long timeoutMillis, int serviceId, int methodId, String serviceName, String methodName,
                        CallMetadata metadata, int payloadStart) {
    this.timeoutMillis = timeoutMillis;
    this.serviceId = serviceId;
    this.methodId = methodId;
    this.serviceName = serviceName;
    this.methodName = methodName;
    this.metadata = metadata;
    this.payloadStart = payloadStart;
  }

  /** @throws io.slacker.SlackerException with {@code PROTOCOL_ERROR} when the body is cut short or inconsistent */
  public static RequestHeader read(Frame frame) {
    return read(frame, MetadataLimits.WIRE);
  }

  /**
   * Checks the metadata against {@code limits} while it reads it, before it copies a value.
   *
   * @throws io.slacker.SlackerException with {@code PROTOCOL_ERROR} when the body is cut short or
   *                                     inconsistent, {@code BAD_REQUEST} when the metadata is over a limit
   */
  public static RequestHeader read(Frame frame, MetadataLimits limits) {
    Buffer in = frame.bytes();
    int end = frame.end();
    int[] cursor = {frame.bodyStart()};
    long timeout = WireStrings.readUnsignedInt(in, cursor, end, "timeout");
    int serviceId = 0;
    int methodId = 0;
    String serviceName = null;
    String methodName = null;
    if (frame.hasFlag(Protocol.FLAG_BY_NAME)) {
      serviceName = WireStrings.read(in, cursor, end, "service name");
      methodName = WireStrings.read(in, cursor, end, "method name");
    } else {
      serviceId = WireStrings.readInt(in, cursor, end, "service id");
      methodId = WireStrings.readInt(in, cursor, end, "method id");
    }
    CallMetadata metadata = new CallMetadata();
    if (frame.hasFlag(Protocol.FLAG_METADATA)) {
      int count = WireStrings.readUnsignedShort(in, cursor, end, "metadata count");
      if (count > limits.maxEntries()) {
        throw overLimit(count + " metadata entries, over the server's limit of " + limits.maxEntries());
      }
      long total = 0;
      for (int i = 0; i < count; i++) {
        int keyLength = WireStrings.peekUnsignedShort(in, cursor, end, "metadata key");
        if (keyLength > limits.maxKeyBytes()) {
          throw overLimit("a metadata key of " + keyLength + " bytes, over the server's limit of " + limits.maxKeyBytes());
        }
        String key = WireStrings.read(in, cursor, end, "metadata key");
        if (key.isEmpty()) {
          // Found by the fuzz suite: CallMetadata refuses it, and that refusal escaped the call.
          throw WireStrings.malformed("metadata key " + i + " is empty");
        }
        long length = WireStrings.readUnsignedInt(in, cursor, end, "metadata value length");
        if (cursor[0] + length > end) {
          throw WireStrings.malformed("metadata value '" + key + "' claims " + length + " bytes but only "
              + (end - cursor[0]) + " remain");
        }
        total += keyLength + length;
        if (total > limits.maxBytes()) {
          throw overLimit("metadata of more than " + limits.maxBytes() + " bytes (keys and values), over the server's limit");
        }
        metadata.putBytes(key, in.getBytes(cursor[0], cursor[0] + (int) length));
        cursor[0] += (int) length;
      }
    }
    return new RequestHeader(timeout, serviceId, methodId, serviceName, methodName, metadata, cursor[0]);
  }

  private static SlackerException overLimit(String what) {
    return new SlackerException(StatusCode.BAD_REQUEST, "the request carries " + what);
  }

  public long timeoutMillis() {
    return timeoutMillis;
  }

  public boolean byName() {
    return serviceName != null;
  }

  public int serviceId() {
    return serviceId;
  }

  public int methodId() {
    return methodId;
  }

  public String serviceName() {
    return serviceName;
  }

  public String methodName() {
    return methodName;
  }

  public CallMetadata metadata() {
    return metadata;
  }

  public int payloadStart() {
    return payloadStart;
  }
}
