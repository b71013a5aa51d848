package io.slacker.impl.protocol;

import io.vertx.core.buffer.Buffer;

/**
 * Reads the type and call id of each frame as soon as its bytes arrive, ahead of the decoder,
 * which may hand frames out over several event-loop turns. It lets a connection see what a peer
 * has already said further down the stream (a CANCEL behind its own request) before acting on
 * what comes first. Framing errors are left to the decoder: the scanner just stops.
 */
public final class FrameHeaderScanner {

  /** Told the type and call id of each frame whose header has arrived. */
  @FunctionalInterface
  public interface Listener {
    void header(int type, int callId);
  }

  private final Listener listener;
  private final byte[] header = new byte[Protocol.LENGTH_FIELD_SIZE + Protocol.HEADER_SIZE];
  private int filled;
  private long skip;
  private boolean stopped;

  public FrameHeaderScanner(Listener listener) {
    this.listener = listener;
  }

  public void scan(Buffer data) {
    int position = 0;
    int end = data.length();
    while (position < end && !stopped) {
      if (skip > 0) {
        int skipped = (int) Math.min(skip, end - position);
        position += skipped;
        skip -= skipped;
        continue;
      }
      header[filled++] = data.getByte(position++);
      if (filled == header.length) {
        long length = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        if (length < Protocol.HEADER_SIZE) {
          stopped = true;
          return;
        }
        int at = Protocol.LENGTH_FIELD_SIZE + Protocol.OFFSET_CALL_ID;
        int callId = ((header[at] & 0xFF) << 24) | ((header[at + 1] & 0xFF) << 16) | ((header[at + 2] & 0xFF) << 8)
            | (header[at + 3] & 0xFF);
        listener.header(header[Protocol.LENGTH_FIELD_SIZE + Protocol.OFFSET_TYPE] & 0xFF, callId);
        skip = length - Protocol.HEADER_SIZE;
        filled = 0;
      }
    }
  }
}
