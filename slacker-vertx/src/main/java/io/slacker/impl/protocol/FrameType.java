package io.slacker.impl.protocol;

/** The frame types of protocol version 1; values 9..255 are reserved. */
public final class FrameType {

  public static final int REQUEST = 1;
  public static final int RESPONSE = 2;
  public static final int ERROR = 3;
  public static final int PING = 4;
  public static final int PONG = 5;
  public static final int CANCEL = 6;
  public static final int GOAWAY = 7;
  public static final int HELLO = 8;

  private FrameType() {
  }

  public static String name(int type) {
    switch (type) {
      case REQUEST: return "REQUEST";
      case RESPONSE: return "RESPONSE";
      case ERROR: return "ERROR";
      case PING: return "PING";
      case PONG: return "PONG";
      case CANCEL: return "CANCEL";
      case GOAWAY: return "GOAWAY";
      case HELLO: return "HELLO";
      default: return "UNKNOWN(" + type + ")";
    }
  }
}
