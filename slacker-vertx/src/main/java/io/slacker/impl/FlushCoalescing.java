package io.slacker.impl;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

/**
 * One flush per event-loop turn for the frames a connection writes outside a read. Vert.x flushes
 * such a write at once (inside a read it waits for the read's end), so frames written one by one
 * in later tasks (the decoder's frames-per-turn continuation, results that hop back from another
 * thread, calls handed over by other threads) each cost a write syscall. Here such a flush is held
 * until the tasks already queued on the loop have run: no timer, so a lone frame waits one task
 * at most. The flush at the end of a read passes straight through, so a frame answered within
 * its read is not delayed at all.
 *
 * <p>Writes still reach Netty's outbound buffer at once: its writability, and with it the socket's
 * {@code writeQueueFull()} and drain handler, counts them as before. A frame's write completes
 * when it is flushed, so what waits here is still charged to the connection's memory budget.
 */
public final class FlushCoalescing extends ChannelDuplexHandler {

  private boolean reading;
  private boolean flushScheduled;

  FlushCoalescing() {
  }

  /** Puts the coalescing in front of Vert.x's handler of {@code socket}: it sees every flush Vert.x makes. */
  public static void install(NetSocket socket) {
    ChannelHandlerContext vertx = ((NetSocketInternal) socket).channelHandlerContext();
    vertx.pipeline().addBefore(vertx.name(), "slacker-flush-coalescing", new FlushCoalescing());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    reading = true;
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    // Vert.x flushes what the read produced while handling this event: that flush goes out now.
    ctx.fireChannelReadComplete();
    reading = false;
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    if (reading) {
      ctx.flush();
    } else if (!flushScheduled) {
      flushScheduled = true;
      ctx.executor().execute(() -> {
        flushScheduled = false;
        ctx.flush();
      });
    }
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    // A frame written before the close still goes out: Netty fails what is unflushed when it closes.
    if (flushScheduled) {
      ctx.flush();
    }
    ctx.close(promise);
  }
}
