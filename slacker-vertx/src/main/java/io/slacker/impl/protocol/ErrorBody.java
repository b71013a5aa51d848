package io.slacker.impl.protocol;

import io.slacker.ServiceException;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** Reads the body of an ERROR or GOAWAY frame: code, message and (ERROR only) remote class and relayed code. */
public final class ErrorBody {

  private ErrorBody() {
  }

  public static SlackerException readError(Frame frame) {
    Buffer in = frame.bytes();
    int end = frame.end();
    int[] cursor = {frame.bodyStart()};
    StatusCode code = StatusCode.fromValue(WireStrings.readUnsignedShort(in, cursor, end, "error code"));
    String message = WireStrings.read(in, cursor, end, "error message");
    String remoteClass = WireStrings.read(in, cursor, end, "remote class");
    String remote = remoteClass.isEmpty() ? null : remoteClass;
    // Everything after the remote class is optional: an older or simpler server leaves it out.
    int relayed = cursor[0] < end ? WireStrings.readUnsignedShort(in, cursor, end, "relayed code") : 0;
    int flags = 0;
    if (cursor[0] < end) {
      WireStrings.require(cursor[0] + 1, end, "error extension flags");
      flags = in.getUnsignedByte(cursor[0]++);
    }
    Integer failureCode = null;
    if ((flags & Protocol.ERROR_HAS_FAILURE_CODE) != 0) {
      WireStrings.require(cursor[0] + 4, end, "failure code");
      failureCode = in.getInt(cursor[0]);
      cursor[0] += 4;
    }
    JsonObject details = null;
    if ((flags & Protocol.ERROR_HAS_DETAILS) != 0) {
      long length = WireStrings.readUnsignedInt(in, cursor, end, "details length");
      WireStrings.require((int) Math.min(Integer.MAX_VALUE, cursor[0] + length), end, "details");
      try {
        details = new JsonObject(in.slice(cursor[0], (int) (cursor[0] + length)));
      } catch (DecodeException e) {
        throw new SlackerException(StatusCode.PROTOCOL_ERROR, "error details are not a JSON object: " + e.getMessage());
      }
    }
    if (failureCode != null) {
      return new ServiceException(failureCode, message, remote, details);
    }
    return new SlackerException(code, message, remote, relayed == 0 ? null : StatusCode.fromValue(relayed), details, null);
  }

  public static SlackerException readGoaway(Frame frame) {
    Buffer in = frame.bytes();
    int[] cursor = {frame.bodyStart()};
    StatusCode code = StatusCode.fromValue(WireStrings.readUnsignedShort(in, cursor, frame.end(), "goaway code"));
    String message = WireStrings.read(in, cursor, frame.end(), "goaway message");
    return new SlackerException(code, message);
  }
}
