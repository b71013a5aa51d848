package io.slacker.impl.protocol;

import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.buffer.Buffer;

/** Reads the body of an ERROR or GOAWAY frame: code, message and (ERROR only) remote class. */
public final class ErrorBody {

  private ErrorBody() {
  }

  public static SlackerException readError(Frame frame) {
    Buffer in = frame.bytes();
    int[] cursor = {frame.bodyStart()};
    StatusCode code = StatusCode.fromValue(WireStrings.readUnsignedShort(in, cursor, frame.end(), "error code"));
    String message = WireStrings.read(in, cursor, frame.end(), "error message");
    String remoteClass = WireStrings.read(in, cursor, frame.end(), "remote class");
    return new SlackerException(code, message, remoteClass.isEmpty() ? null : remoteClass, null);
  }

  public static SlackerException readGoaway(Frame frame) {
    Buffer in = frame.bytes();
    int[] cursor = {frame.bodyStart()};
    StatusCode code = StatusCode.fromValue(WireStrings.readUnsignedShort(in, cursor, frame.end(), "goaway code"));
    String message = WireStrings.read(in, cursor, frame.end(), "goaway message");
    return new SlackerException(code, message);
  }
}
