package io.slacker.cluster.impl;

import io.slacker.impl.protocol.FrameEncoder;
import io.slacker.impl.protocol.FrameHeaderScanner;
import io.slacker.impl.protocol.FrameType;
import io.slacker.impl.serialization.Serializers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.SocketAddress;

import java.util.concurrent.TimeoutException;

/**
 * Whether a server answers: a connect, then a HELLO answered with a HELLO within the timeout. A
 * plain TCP connect is not enough: the kernel completes it for a process that is paused or
 * stalled, which is exactly the server a probe must keep out of rotation.
 */
final class HandshakeProbe {

  private HandshakeProbe() {
  }

  /** @param requiresTls as discovery lists the server, for the connector to choose TLS or plain TCP */
  static Future<Void> probe(ContextInternal context, ServerConnector connector, SocketAddress server, Boolean requiresTls,
                            long timeoutMillis, int maxFrameSize) {
    Promise<Void> answered = context.promise();
    long timer = context.setTimer(timeoutMillis, t -> answered.tryFail(new TimeoutException(
        server + " did not answer a handshake within " + timeoutMillis + " ms")));
    connector.connect(server, requiresTls).onComplete(ar -> {
      if (ar.failed()) {
        answered.tryFail(ar.cause());
        return;
      }
      FrameHeaderScanner scanner = new FrameHeaderScanner((type, callId) -> {
        if (type == FrameType.HELLO) {
          answered.tryComplete();
        }
      });
      ar.result().handler(scanner::scan);
      ar.result().write(FrameEncoder.hello(maxFrameSize, Serializers.get().ids()));
      answered.future().onComplete(done -> ar.result().close());
    });
    return answered.future().onComplete(done -> context.owner().cancelTimer(timer));
  }
}
