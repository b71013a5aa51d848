package io.slacker.impl.protocol;

import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayDeque;

/**
 * Splits a byte stream into frames: a 4-byte big-endian length, then that many bytes. The length
 * is checked against the maximum as soon as it arrives, and the 9-byte header is shown to an
 * {@link Admission} before any of the body is stored: a frame it refuses is skipped as it
 * streams in, so a peer cannot make the receiver hold a frame it has no room for. After the
 * first protocol error the decoder ignores all further input.
 *
 * <p>One turn of the event loop hands out about {@link #FRAMES_PER_TURN} frames at most; the
 * rest waits for a later turn, so a large backlog of requests does not hold the event loop.
 * The owner is told while such a backlog exists, to stop reading more meanwhile.
 */
public final class FrameDecoder implements Handler<Buffer> {

  static final int FRAMES_PER_TURN = 64;
  private static final int HEAD_SIZE = Protocol.LENGTH_FIELD_SIZE + Protocol.HEADER_SIZE;

  /** Decides whether to store a frame, once its header has arrived and before its body has. */
  @FunctionalInterface
  public interface Admission {
    /** Stores every frame. */
    Admission ALL = (type, flags, callId, length) -> true;

    /**
     * @param length the frame's length field (header and body)
     * @return {@code true} to read the frame; {@code false} to skip its body unstored, in which
     * case the owner has answered it already
     */
    boolean admit(int type, int flags, int callId, long length);
  }

  private final ArrayDeque<Buffer> backlog = new ArrayDeque<>();
  private final int maxFrameSize;
  private final Admission admission;
  private final Handler<Frame> frameHandler;
  private final Handler<SlackerException> errorHandler;
  private final Context context;
  private final Handler<Boolean> backlogHandler;
  /** The length field and the header of the frame being read. */
  private final byte[] head = new byte[HEAD_SIZE];
  private int headFilled;
  private int length;
  /** The admitted frame being filled, from its header on; {@code null} between frames. */
  private Buffer frame;
  /** Bytes still to skip of a refused frame. */
  private long skipping;
  private long framesStarted;
  private boolean paused;
  /** After a protocol error or {@link #close()}: nothing more is handed out. */
  private boolean failed;
  private int framesThisTurn;
  private boolean continuationScheduled;
  private boolean backlogged;

  public FrameDecoder(int maxFrameSize, Handler<Frame> frameHandler, Handler<SlackerException> errorHandler,
                      Context context, Handler<Boolean> backlogHandler) {
    this(maxFrameSize, Admission.ALL, frameHandler, errorHandler, context, backlogHandler);
  }

  /**
   * @param context        the event loop the decoder runs on, where deferred frames are handed out
   * @param backlogHandler told {@code true} when frames are left for a later turn, {@code false}
   *                       once they are all handed out
   */
  public FrameDecoder(int maxFrameSize, Admission admission, Handler<Frame> frameHandler,
                      Handler<SlackerException> errorHandler, Context context, Handler<Boolean> backlogHandler) {
    this.maxFrameSize = maxFrameSize;
    this.admission = admission;
    this.frameHandler = frameHandler;
    this.errorHandler = errorHandler;
    this.context = context;
    this.backlogHandler = backlogHandler;
  }

  @Override
  public void handle(Buffer data) {
    if (failed) {
      return;
    }
    backlog.add(data);
    if (!continuationScheduled) {
      framesThisTurn = 0;
      drainBacklog();
    }
  }

  /** Stops handing out frames, even ones already received, until {@link #resume()}. */
  public void pause() {
    paused = true;
  }

  /** The connection closed: frames not yet handed out are dropped, none is handed out any more. */
  public void close() {
    failed = true;
    backlog.clear();
    frame = null;
  }

  /** Hands out the frames received meanwhile, then new ones as they come. */
  public void resume() {
    paused = false;
    framesThisTurn = 0;
    drainBacklog();
  }

  /** @return whether the decoder holds part of a frame and has consumed all it received: it waits for the peer */
  public boolean waitingForPeer() {
    return (headFilled > 0 || frame != null || skipping > 0) && backlog.isEmpty() && !failed;
  }

  /** @return how many frames have begun to arrive: tells one partial frame from the next */
  public long framesStarted() {
    return framesStarted;
  }

  private void drainBacklog() {
    while (!paused && !failed && !backlog.isEmpty()) {
      if (framesThisTurn >= FRAMES_PER_TURN) {
        continueNextTurn();
        return;
      }
      Buffer data = backlog.poll();
      int consumed = consume(data);
      if (consumed < data.length() && !failed) {
        backlog.addFirst(data.slice(consumed, data.length()));
      }
    }
    if (failed) {
      backlog.clear();
    }
    if (backlogged && backlog.isEmpty()) {
      backlogged = false;
      backlogHandler.handle(false);
    }
  }

  /** @return how many bytes of {@code data} were used; it stops early after a frame when paused or out of turn */
  private int consume(Buffer data) {
    int position = 0;
    int end = data.length();
    while (position < end && !failed) {
      if (paused || framesThisTurn >= FRAMES_PER_TURN) {
        return position;
      }
      if (skipping > 0) {
        int skipped = (int) Math.min(skipping, end - position);
        position += skipped;
        skipping -= skipped;
      } else if (frame != null) {
        int taken = Math.min(length - frame.length(), end - position);
        frame.appendBuffer(data, position, taken);
        position += taken;
        if (frame.length() == length) {
          handOut();
        }
      } else {
        if (headFilled == 0) {
          framesStarted++;
        }
        head[headFilled++] = data.getByte(position++);
        if (headFilled == Protocol.LENGTH_FIELD_SIZE) {
          checkLength();
        } else if (headFilled == HEAD_SIZE) {
          position += onHeader(data, position, end);
        }
      }
    }
    return position;
  }

  private void checkLength() {
    long value = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
    if (value > maxFrameSize) {
      fail("frame of " + value + " bytes exceeds the maximum frame size of " + maxFrameSize + " bytes");
    } else if (value < Protocol.HEADER_SIZE) {
      fail("frame of " + value + " bytes is shorter than the " + Protocol.HEADER_SIZE + "-byte header");
    } else {
      length = (int) value;
    }
  }

  /**
   * A frame whose header and body all lie in {@code data} is handed out as a slice of it, not
   * copied: its consumer decodes it at once and keeps none of its bytes.
   *
   * @param position where the body starts in {@code data}
   * @return how many body bytes of {@code data} the frame took this way, else 0
   */
  private int onHeader(Buffer data, int position, int end) {
    headFilled = 0;
    int at = Protocol.LENGTH_FIELD_SIZE;
    try {
      Frame.checkMagicAndVersion(head[at + Protocol.OFFSET_MAGIC] & 0xFF, head[at + Protocol.OFFSET_VERSION] & 0xFF);
    } catch (SlackerException e) {
      failed = true;
      errorHandler.handle(e);
      return 0;
    }
    int c = at + Protocol.OFFSET_CALL_ID;
    int callId = ((head[c] & 0xFF) << 24) | ((head[c + 1] & 0xFF) << 16) | ((head[c + 2] & 0xFF) << 8) | (head[c + 3] & 0xFF);
    if (!admission.admit(head[at + Protocol.OFFSET_TYPE] & 0xFF, head[at + Protocol.OFFSET_FLAGS] & 0xFF, callId, length)) {
      skipping = length - Protocol.HEADER_SIZE;
      framesThisTurn++;
      return 0;
    }
    int body = length - Protocol.HEADER_SIZE;
    if (position >= Protocol.HEADER_SIZE && end - position >= body) {
      frame = data.slice(position - Protocol.HEADER_SIZE, position + body);
      handOut();
      return body;
    }
    frame = Buffer.buffer(length).appendBytes(head, at, Protocol.HEADER_SIZE);
    if (body == 0) {
      handOut();
    }
    return 0;
  }

  private void handOut() {
    Frame complete = Frame.parse(frame);
    frame = null;
    framesThisTurn++;
    if (!failed) {
      frameHandler.handle(complete);
    }
  }

  private void continueNextTurn() {
    if (!backlogged) {
      backlogged = true;
      backlogHandler.handle(true);
    }
    continuationScheduled = true;
    context.runOnContext(v -> {
      continuationScheduled = false;
      framesThisTurn = 0;
      drainBacklog();
    });
  }

  private void fail(String message) {
    failed = true;
    errorHandler.handle(new SlackerException(StatusCode.PROTOCOL_ERROR, message));
  }
}
