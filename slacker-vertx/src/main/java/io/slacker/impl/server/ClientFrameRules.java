package io.slacker.impl.server;

import io.slacker.impl.protocol.Frame;
import io.slacker.impl.protocol.FrameType;
import io.slacker.impl.protocol.Protocol;

/**
 * The header rules a client's frame must keep before the server acts on it (docs/protocol.md
 * §2, §3 and §7). A frame that breaks one is not acted on: a flag the server does not know may
 * ask for semantics it cannot honour (a future flag reaching an older server), so ignoring it
 * could run a call the way its caller did not mean.
 */
final class ClientFrameRules {

  /** The REQUEST flags of protocol version 1 (§4). */
  static final int KNOWN_REQUEST_FLAGS = Protocol.FLAG_BY_NAME | Protocol.FLAG_METADATA | Protocol.FLAG_ONE_WAY
      | Protocol.FLAG_LEADER;

  /**
   * A broken rule. {@code connection}: the stream cannot be trusted, or the frame concerns the
   * connection itself; the server answers ERROR with call id 0 and closes. Otherwise only that
   * frame's call is answered and the connection stays open.
   */
  record Violation(boolean connection, String message) {
  }

  private ClientFrameRules() {
  }

  /** @return the first rule {@code frame} breaks, or {@code null} when it keeps them all */
  static Violation check(Frame frame) {
    int type = frame.type();
    String name = FrameType.name(type);
    return switch (type) {
      case FrameType.REQUEST, FrameType.CANCEL -> {
        if (frame.callId() == 0) {
          yield new Violation(true, name + " with call id 0: call id 0 stands for the connection, a call needs its own id");
        }
        yield type == FrameType.REQUEST ? flags(frame, KNOWN_REQUEST_FLAGS, "the call was not run") : noFlagsNoPayload(frame);
      }
      case FrameType.PING, FrameType.PONG -> noFlagsNoPayload(frame);
      case FrameType.HELLO -> {
        Violation violation = frame.callId() != 0
            ? new Violation(true, "HELLO with call id " + Integer.toUnsignedString(frame.callId()) + ": HELLO concerns the connection, its call id is 0")
            : noFlagsNoPayload(frame);
        yield violation == null ? null : new Violation(true, violation.message());
      }
      case FrameType.RESPONSE, FrameType.GOAWAY -> new Violation(true, name + " is sent by servers only");
      case FrameType.ERROR -> frame.callId() == 0 ? null
          : new Violation(true, "ERROR with call id " + Integer.toUnsignedString(frame.callId())
          + " is sent by servers only; a client reports a connection error with call id 0");
      default -> new Violation(false, "unknown frame type " + type);
    };
  }

  private static Violation noFlagsNoPayload(Frame frame) {
    Violation violation = flags(frame, 0, "the frame was ignored");
    if (violation == null && frame.serialization() != Protocol.NO_SERIALIZATION) {
      violation = new Violation(false, FrameType.name(frame.type()) + " carries no payload, its serialization id must be 0, not "
          + frame.serialization() + "; the frame was ignored");
    }
    return violation;
  }

  private static Violation flags(Frame frame, int known, String consequence) {
    int unknown = frame.flags() & ~known;
    if (unknown == 0) {
      return null;
    }
    return new Violation(false, String.format("unknown %s flag bits 0x%02X (this server knows 0x%02X); %s",
        FrameType.name(frame.type()), unknown, known, consequence));
  }
}
