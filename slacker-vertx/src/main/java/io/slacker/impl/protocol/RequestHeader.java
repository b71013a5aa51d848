package io.slacker.impl.protocol;

import io.slacker.CallMetadata;
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
      for (int i = 0; i < count; i++) {
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
        metadata.putBytes(key, in.getBytes(cursor[0], cursor[0] + (int) length));
        cursor[0] += (int) length;
      }
    }
    return new RequestHeader(timeout, serviceId, methodId, serviceName, methodName, metadata, cursor[0]);
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
