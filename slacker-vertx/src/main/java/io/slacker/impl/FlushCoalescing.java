package io.slacker.impl;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

/**
 * Batches a connection's flushes: many frames per write syscall, but never so many that the peer
 * sits idle while they pile up.
 *
 * <p>Vert.x flushes a write made outside a read at once (inside a read it waits for the read's
 * end), so frames written one by one in later tasks (the decoder's frames-per-turn continuation,
 * results that hop back from another thread, calls handed over by other threads) would each cost
 * a write syscall. Here such a flush is held until the tasks already queued on the loop have run:
 * no timer, so a lone frame waits one task at most. The flush at the end of a read passes straight
 * through, so a frame answered within its read is not delayed at all.
 *
 * <p>Once {@link #FRAMES_PER_FLUSH} frames or {@link #BYTES_PER_FLUSH} bytes wait, they go out at
 * once, inside a read too. When one read brings 32 requests, the first 16 answers reach the
 * client while the server is still working on the rest, and the client's next calls reach the
 * server the same way: both ends work at the same time instead of in turns. Measured on the
 * benchmark suite, this about doubled the calls per second at 32 in flight, for one more write
 * syscall per 32 calls; see docs/benchmarks.md.
 *
 * <p>Writes still reach Netty's outbound buffer at once: its writability, and with it the socket's
 * {@code writeQueueFull()} and drain handler, counts them as before. A frame's write completes
 * when it is flushed, so what waits here is still charged to the connection's memory budget.
 */
public final class FlushCoalescing extends ChannelDuplexHandler {

  static final int FRAMES_PER_FLUSH = 16;
  static final int BYTES_PER_FLUSH = 64 * 1024;

  private boolean reading;
  private boolean flushScheduled;
  private int unflushedFrames;
  private long unflushedBytes;

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
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    unflushedBytes += msg instanceof ByteBuf bytes ? bytes.readableBytes() : 0;
    ctx.write(msg, promise);
    if (++unflushedFrames >= FRAMES_PER_FLUSH || unflushedBytes >= BYTES_PER_FLUSH) {
      flushNow(ctx);
    }
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    if (reading) {
      flushNow(ctx);
    } else if (!flushScheduled) {
      flushScheduled = true;
      ctx.executor().execute(() -> {
        flushScheduled = false;
        flushNow(ctx);
      });
    }
  }

  private void flushNow(ChannelHandlerContext ctx) {
    unflushedFrames = 0;
    unflushedBytes = 0;
    ctx.flush();
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    // A frame written before the close still goes out: Netty fails what is unflushed when it closes.
    if (flushScheduled) {
      flushNow(ctx);
    }
    ctx.close(promise);
  }
}
