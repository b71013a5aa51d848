package io.slacker.impl.server;

import io.slacker.ServerLimitsOptions;
import io.slacker.impl.protocol.FrameDecoder;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The timers that free a connection whose peer stalls: no first frame, a frame started and not
 * finished, or no call for a long time. Each is one timer at most, re-armed lazily on expiry
 * rather than reset on every frame or call. Confined to the connection's event loop.
 */
final class ConnectionTimeouts {

  private final Vertx vertx;
  private final ContextInternal context;
  private final FrameDecoder decoder;
  /** Whether the server itself stopped reading: a frame does not progress then, through no fault of the peer. */
  private final BooleanSupplier readingPaused;
  private final BooleanSupplier callsInFlight;
  /** Closes the connection, telling the peer why it stalled. */
  private final Consumer<String> stalled;
  /** Closes the connection gracefully, for being idle. */
  private final Consumer<String> idle;
  private final long handshakeMillis;
  private final long frameMillis;
  private final long idleMillis;
  private long handshakeTimer = -1;
  private long frameTimer = -1;
  private long watchedFrame = -1;
  private long watchedSince;
  private long idleTimer = -1;
  private long lastActive;
  private boolean stopped;

  ConnectionTimeouts(Vertx vertx, ContextInternal context, ServerLimitsOptions limits, FrameDecoder decoder,
                     BooleanSupplier readingPaused, BooleanSupplier callsInFlight, Consumer<String> stalled, Consumer<String> idle) {
    this.vertx = vertx;
    this.context = context;
    this.decoder = decoder;
    this.readingPaused = readingPaused;
    this.callsInFlight = callsInFlight;
    this.stalled = stalled;
    this.idle = idle;
    this.handshakeMillis = limits.getHandshakeTimeoutMillis();
    this.frameMillis = limits.getFrameTimeoutMillis();
    this.idleMillis = limits.getIdleTimeoutMillis();
  }

  void start() {
    lastActive = System.nanoTime();
    if (handshakeMillis > 0) {
      handshakeTimer = context.setTimer(handshakeMillis, t -> {
        handshakeTimer = -1;
        stalled.accept("no frame arrived within the handshake timeout of " + handshakeMillis + " ms");
      });
    }
    armIdle(idleMillis);
  }

  /** A frame's header arrived. */
  void frameArrived() {
    if (handshakeTimer != -1) {
      vertx.cancelTimer(handshakeTimer);
      handshakeTimer = -1;
    }
  }

  /** A request arrived or a call ended: the connection is not idle. */
  void active() {
    lastActive = System.nanoTime();
  }

  /** Input was consumed, or reading resumed: watches a frame left unfinished. */
  void checkFrame() {
    if (frameMillis == 0 || stopped || !decoder.waitingForPeer() || readingPaused.getAsBoolean()) {
      return;
    }
    if (decoder.framesStarted() != watchedFrame) {
      watchedFrame = decoder.framesStarted();
      watchedSince = System.nanoTime();
    }
    if (frameTimer == -1) {
      frameTimer = context.setTimer(frameMillis, t -> onFrameTimer());
    }
  }

  private void onFrameTimer() {
    frameTimer = -1;
    if (stopped) {
      return;
    }
    if (!decoder.waitingForPeer() || readingPaused.getAsBoolean()) {
      // Finished, or held up on this side: the next check watches afresh.
      watchedFrame = -1;
      return;
    }
    if (decoder.framesStarted() != watchedFrame) {
      watchedFrame = -1;
      checkFrame();
      return;
    }
    long left = frameMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - watchedSince);
    if (left > 0) {
      frameTimer = context.setTimer(left, t -> onFrameTimer());
    } else {
      stalled.accept("a frame was not completed within the frame timeout of " + frameMillis + " ms");
    }
  }

  private void armIdle(long delay) {
    if (idleMillis > 0 && !stopped) {
      idleTimer = context.setTimer(Math.max(1, delay), t -> onIdleTimer());
    }
  }

  private void onIdleTimer() {
    idleTimer = -1;
    if (stopped) {
      return;
    }
    long left = idleMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastActive);
    if (callsInFlight.getAsBoolean()) {
      armIdle(idleMillis);
    } else if (left > 0) {
      armIdle(left);
    } else {
      idle.accept("the connection was idle for " + idleMillis + " ms");
    }
  }

  /** The connection closed or drains: no timer acts any more. */
  void stop() {
    stopped = true;
    for (long timer : new long[]{handshakeTimer, frameTimer, idleTimer}) {
      if (timer != -1) {
        vertx.cancelTimer(timer);
      }
    }
  }
}
