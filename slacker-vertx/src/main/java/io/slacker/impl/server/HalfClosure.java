package io.slacker.impl.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

/**
 * Lets a connection outlive the client's half-close. By default Netty closes a channel as soon
 * as it reads the end of the input (the client's FIN), which would drop the answers to the calls
 * that client still waits for; Vert.x's {@code NetSocket} has no switch for it, so the channel's
 * own option is set and the event watched in its pipeline.
 */
final class HalfClosure {

  private HalfClosure() {
  }

  /** @param onInputShutdown run on the connection's event loop once the client has sent its FIN */
  static void watch(NetSocket socket, Runnable onInputShutdown) {
    ChannelHandlerContext context = ((NetSocketInternal) socket).channelHandlerContext();
    context.channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
    context.pipeline().addFirst(new ChannelInboundHandlerAdapter() {
      @Override
      public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof ChannelInputShutdownEvent) {
          onInputShutdown.run();
        }
        super.userEventTriggered(ctx, event);
      }
    });
  }
}
