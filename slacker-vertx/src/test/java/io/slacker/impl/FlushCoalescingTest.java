package io.slacker.impl;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the coalescing does to the flushes that reach the socket, on in-memory channels. */
class FlushCoalescingTest {

  /** Counts the flushes that pass on towards the socket. */
  private static final class FlushCounter extends ChannelOutboundHandlerAdapter {
    volatile int flushes;

    @Override
    public void flush(ChannelHandlerContext ctx) {
      flushes++;
      ctx.flush();
    }
  }

  /** Stands where Vert.x's handler stands: writes from its place in the pipeline. */
  private static final class Owner extends ChannelInboundHandlerAdapter {
    volatile ChannelHandlerContext ctx;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }
  }

  private final FlushCounter counter = new FlushCounter();
  private final Owner owner = new Owner();
  private final List<Integer> received = new CopyOnWriteArrayList<>();
  private DefaultEventLoopGroup loop;
  private Channel channel;

  @BeforeEach
  void connect() throws Exception {
    loop = new DefaultEventLoopGroup(1);
    LocalAddress address = new LocalAddress("flush-coalescing-" + UUID.randomUUID());
    new ServerBootstrap().group(loop).channel(LocalServerChannel.class)
        .childHandler(new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf data = (ByteBuf) msg;
            while (data.readableBytes() >= Integer.BYTES) {
              received.add(data.readInt());
            }
            data.release();
          }
        })
        .bind(address).sync();
    channel = new Bootstrap().group(loop).channel(LocalChannel.class)
        .handler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(counter, new FlushCoalescing(), owner);
          }
        })
        .connect(address).sync().channel();
  }

  @AfterEach
  void close() throws Exception {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
  }

  private <T> T inOneTurn(java.util.concurrent.Callable<T> turn) throws Exception {
    return channel.eventLoop().submit(turn).get(10, TimeUnit.SECONDS);
  }

  private void awaitReceived(int count) throws InterruptedException {
    for (int i = 0; i < 1000 && received.size() < count; i++) {
      Thread.sleep(10);
    }
  }

  @Test
  void framesFlushedOneByOneOutsideAReadGoOutInBatchesInTheirOrder() throws Exception {
    List<ChannelFuture> writes = new ArrayList<>();
    int flushedDuringTheTurn = inOneTurn(() -> {
      for (int n = 0; n < 100; n++) {
        writes.add(owner.ctx.writeAndFlush(Unpooled.copyInt(n)));
      }
      return counter.flushes;
    });
    awaitReceived(100);

    assertEquals(100 / FlushCoalescing.FRAMES_PER_FLUSH, flushedDuringTheTurn, "a full batch goes out at once");
    assertEquals(100 / FlushCoalescing.FRAMES_PER_FLUSH + 1, counter.flushes, "the rest goes out when the turn ends");
    List<Integer> expected = new ArrayList<>();
    for (int n = 0; n < 100; n++) {
      expected.add(n);
    }
    assertEquals(expected, received);
    for (ChannelFuture write : writes) {
      assertTrue(write.await(10, TimeUnit.SECONDS) && write.isSuccess(), "every write completes once it is flushed");
    }
  }

  @Test
  void aFewFramesOutsideAReadWaitForTheEndOfTheTurn() throws Exception {
    int flushedDuringTheTurn = inOneTurn(() -> {
      for (int n = 0; n < FlushCoalescing.FRAMES_PER_FLUSH - 1; n++) {
        owner.ctx.writeAndFlush(Unpooled.copyInt(n));
      }
      return counter.flushes;
    });
    awaitReceived(FlushCoalescing.FRAMES_PER_FLUSH - 1);

    assertEquals(0, flushedDuringTheTurn, "nothing goes out before the turn ends");
    assertEquals(1, counter.flushes);
  }

  @Test
  void aBigFrameGoesOutAtOnce() throws Exception {
    int flushedDuringTheTurn = inOneTurn(() -> {
      owner.ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[FlushCoalescing.BYTES_PER_FLUSH]));
      return counter.flushes;
    });

    assertEquals(1, flushedDuringTheTurn);
  }

  @Test
  void pendingFramesCountAgainstWritability() throws Exception {
    channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(2, 8));
    boolean writableDuringTheTurn = inOneTurn(() -> {
      owner.ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[16]));
      return channel.isWritable();
    });
    boolean writableAfter = inOneTurn(channel::isWritable);

    assertFalse(writableDuringTheTurn, "a frame waiting for the flush still fills the write queue");
    assertTrue(writableAfter, "writable again once the flush went out");
  }

  @Test
  void aFrameWrittenBeforeACloseStillGoesOut() throws Exception {
    ChannelFuture last = inOneTurn(() -> {
      ChannelFuture write = owner.ctx.writeAndFlush(Unpooled.copyInt(7));
      owner.ctx.close();
      return write;
    });

    assertTrue(last.await(10, TimeUnit.SECONDS) && last.isSuccess(), "the frame was flushed, not failed by the close");
    awaitReceived(1);
    assertEquals(List.of(7), received);
  }

  /** Answers written inside one read go out in batches during the read, so the peer can start on them. */
  @Test
  void manyAnswersInOneReadGoOutInBatchesDuringTheRead() {
    List<Integer> outDuringTheRead = new ArrayList<>();
    int answers = 2 * FlushCoalescing.FRAMES_PER_FLUSH + 3;
    EmbeddedChannel[] embedded = new EmbeddedChannel[1];
    embedded[0] = new EmbeddedChannel(new FlushCoalescing(), new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ((ByteBuf) msg).release();
        for (int n = 0; n < answers; n++) {
          ctx.write(Unpooled.copyInt(n));
        }
        for (ByteBuf out; (out = embedded[0].readOutbound()) != null; out.release()) {
          outDuringTheRead.add(out.readInt());
        }
      }

      @Override
      public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
      }
    });

    embedded[0].writeInbound(Unpooled.copyInt(0));

    assertEquals(2 * FlushCoalescing.FRAMES_PER_FLUSH, outDuringTheRead.size(), "two full batches before the read ended");
    int rest = 0;
    for (ByteBuf out; (out = embedded[0].readOutbound()) != null; out.release()) {
      rest++;
    }
    assertEquals(3, rest, "the rest at the read's end");
  }

  @Test
  void theFlushAtTheEndOfAReadIsNotDelayed() {
    List<Integer> outAtReadComplete = new ArrayList<>();
    EmbeddedChannel[] embedded = new EmbeddedChannel[1];
    embedded[0] = new EmbeddedChannel(new FlushCoalescing(), new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // As Vert.x does inside a read: write now, flush at the read's end.
        ctx.write(msg);
      }

      @Override
      public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        for (ByteBuf out; (out = embedded[0].readOutbound()) != null; out.release()) {
          outAtReadComplete.add(out.readInt());
        }
      }
    });

    embedded[0].writeInbound(Unpooled.copyInt(1), Unpooled.copyInt(2));

    assertEquals(List.of(1, 2), outAtReadComplete, "flushed within the read, before any task ran");
  }
}
