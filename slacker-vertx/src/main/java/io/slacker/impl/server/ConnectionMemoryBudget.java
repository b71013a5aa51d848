package io.slacker.impl.server;

import io.slacker.impl.protocol.FrameType;

/**
 * The bytes one connection holds: the frame being read, requests in flight and responses being
 * written, each charged against the connection's limit and the server's. Confined to the
 * connection's event loop.
 */
final class ConnectionMemoryBudget {

  /**
   * Frames other than requests up to this size are not charged: they are not kept once handled,
   * and a PING or CANCEL must get through even when a connection's budget is spent. Larger ones
   * are charged like requests, since nothing but a request has a reason to be that large.
   */
  static final int FREE_CONTROL_FRAME_BYTES = 4096;

  private final ServerMemoryBudget server;
  private final long limit;
  private final int requestFactor;
  private long held;

  ConnectionMemoryBudget(ServerMemoryBudget server, long limit, int requestFactor) {
    this.server = server;
    this.limit = limit;
    this.requestFactor = requestFactor;
  }

  /** @return what a frame of {@code length} bytes of that type is charged while it is held */
  long chargeFor(int type, long length) {
    return type != FrameType.REQUEST && length <= FREE_CONTROL_FRAME_BYTES ? 0 : length * requestFactor;
  }

  /** @return {@code null} when {@code bytes} are now held, else why they do not fit */
  String tryReserve(long bytes) {
    if (held + bytes > limit) {
      return "this connection holds " + held + " bytes of its " + limit + "-byte budget";
    }
    if (!server.tryReserve(bytes)) {
      return "the server holds " + server.held() + " bytes of its " + server.limit() + "-byte budget";
    }
    held += bytes;
    return null;
  }

  void force(long bytes) {
    held += bytes;
    server.force(bytes);
  }

  void release(long bytes) {
    if (bytes != 0) {
      held -= bytes;
      server.release(bytes);
    }
  }

  long held() {
    return held;
  }
}
