package io.slacker.impl.protocol;

import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.buffer.Buffer;

/** Reads the body of an ERROR or GOAWAY frame: code, message and (ERROR only) remote class and relayed code. */
public final class ErrorBody {

  private ErrorBody() {
  }

  public static SlackerException readError(Frame frame) {
    Buffer in = frame.bytes();
    int[] cursor = {frame.bodyStart()};
    StatusCode code = StatusCode.fromValue(WireStrings.readUnsignedShort(in, cursor, frame.end(), "error code"));
    String message = WireStrings.read(in, cursor, frame.end(), "error message");
    String remoteClass = WireStrings.read(in, cursor, frame.end(), "remote class");
    // The relayed code is optional: a server with nothing to relay leaves it out.
    int relayed = cursor[0] < frame.end() ? WireStrings.readUnsignedShort(in, cursor, frame.end(), "relayed code") : 0;
    return new SlackerException(code, message, remoteClass.isEmpty() ? null : remoteClass,
        relayed == 0 ? null : StatusCode.fromValue(relayed), null);
  }

  public static SlackerException readGoaway(Frame frame) {
    Buffer in = frame.bytes();
    int[] cursor = {frame.bodyStart()};
    StatusCode code = StatusCode.fromValue(WireStrings.readUnsignedShort(in, cursor, frame.end(), "goaway code"));
    String message = WireStrings.read(in, cursor, frame.end(), "goaway message");
    return new SlackerException(code, message);
  }
}
