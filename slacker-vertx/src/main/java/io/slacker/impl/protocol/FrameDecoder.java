package io.slacker.impl.protocol;

import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.parsetools.RecordParser;

import java.util.ArrayDeque;

/**
 * Splits a byte stream into frames: a 4-byte big-endian length, then that many bytes. The length
 * is checked against the maximum before the parser waits for (and so allocates) the frame.
 * After the first protocol error the decoder ignores all further input.
 *
 * <p>Input reaches the parser in slices of at most {@link #SLICE} bytes, and not at all while
 * paused: the parser copies what it holds each time it is resumed, so handing it a whole read
 * of many frames and pausing after each would copy that read once per frame.
 *
 * <p>One turn of the event loop hands out about {@link #FRAMES_PER_TURN} frames at most; the
 * rest waits for a later turn, so a large backlog of requests does not hold the event loop.
 * The owner is told while such a backlog exists, to stop reading more meanwhile.
 */
public final class FrameDecoder implements Handler<Buffer> {

  static final int SLICE = 4096;
  static final int FRAMES_PER_TURN = 64;

  private final RecordParser parser;
  private final ArrayDeque<Buffer> backlog = new ArrayDeque<>();
  private final int maxFrameSize;
  private final Handler<Frame> frameHandler;
  private final Handler<SlackerException> errorHandler;
  private final Context context;
  private final Handler<Boolean> backlogHandler;
  private boolean paused;
  private boolean expectingLength = true;
  /** After a protocol error or {@link #close()}: nothing more is handed out. */
  private boolean failed;
  private int framesThisTurn;
  private boolean continuationScheduled;
  private boolean backlogged;

  /**
   * @param context        the event loop the decoder runs on, where deferred frames are handed out
   * @param backlogHandler told {@code true} when frames are left for a later turn, {@code false}
   *                       once they are all handed out
   */
  public FrameDecoder(int maxFrameSize, Handler<Frame> frameHandler, Handler<SlackerException> errorHandler,
                      Context context, Handler<Boolean> backlogHandler) {
    this.maxFrameSize = maxFrameSize;
    this.frameHandler = frameHandler;
    this.errorHandler = errorHandler;
    this.context = context;
    this.backlogHandler = backlogHandler;
    this.parser = RecordParser.newFixed(Protocol.LENGTH_FIELD_SIZE, this::onRecord);
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
    parser.pause();
  }

  /** The connection closed: frames not yet handed out are dropped, none is handed out any more. */
  public void close() {
    failed = true;
    backlog.clear();
  }

  /** Hands out the frames received meanwhile, then new ones as they come. */
  public void resume() {
    paused = false;
    parser.resume();
    framesThisTurn = 0;
    drainBacklog();
  }

  private void drainBacklog() {
    while (!paused && !failed && !backlog.isEmpty()) {
      if (framesThisTurn >= FRAMES_PER_TURN) {
        continueNextTurn();
        return;
      }
      Buffer data = backlog.poll();
      int end = Math.min(SLICE, data.length());
      if (end < data.length()) {
        backlog.addFirst(data.slice(end, data.length()));
      }
      parser.handle(data.slice(0, end));
    }
    if (failed) {
      backlog.clear();
    }
    if (backlogged && backlog.isEmpty()) {
      backlogged = false;
      backlogHandler.handle(false);
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

  private void onRecord(Buffer record) {
    if (failed) {
      return;
    }
    if (expectingLength) {
      long length = record.getUnsignedInt(0);
      if (length > maxFrameSize) {
        fail("frame of " + length + " bytes exceeds the maximum frame size of " + maxFrameSize + " bytes");
      } else if (length < Protocol.HEADER_SIZE) {
        fail("frame of " + length + " bytes is shorter than the " + Protocol.HEADER_SIZE + "-byte header");
      } else {
        expectingLength = false;
        parser.fixedSizeMode((int) length);
      }
      return;
    }
    expectingLength = true;
    framesThisTurn++;
    parser.fixedSizeMode(Protocol.LENGTH_FIELD_SIZE);
    Frame frame;
    try {
      frame = Frame.parse(record);
    } catch (SlackerException e) {
      failed = true;
      errorHandler.handle(e);
      return;
    }
    frameHandler.handle(frame);
  }

  private void fail(String message) {
    failed = true;
    errorHandler.handle(new SlackerException(StatusCode.PROTOCOL_ERROR, message));
  }
}
