package io.slacker.impl.server;

import io.slacker.CallMetadata;
import io.slacker.MethodDescriptor;
import io.slacker.ServerCall;
import io.slacker.SlackerException;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.List;

/** One call in flight on a server connection. Touched on the connection's event loop, except {@link #isCancelled()}. */
final class ServerCallImpl implements ServerCall {

  private final int callId;
  private final MethodDescriptor descriptor;
  private final CallMetadata metadata;
  private final SocketAddress remoteAddress;
  private final long timeoutMillis;
  private final boolean oneWay;
  private final List<Handler<SlackerException>> cancelHandlers = new ArrayList<>(1);
  private volatile SlackerException cancellation;
  long deadlineTimer = -1;

  ServerCallImpl(int callId, MethodDescriptor descriptor, CallMetadata metadata, SocketAddress remoteAddress,
                 long timeoutMillis, boolean oneWay) {
    this.callId = callId;
    this.descriptor = descriptor;
    this.metadata = metadata;
    this.remoteAddress = remoteAddress;
    this.timeoutMillis = timeoutMillis;
    this.oneWay = oneWay;
  }

  int callId() {
    return callId;
  }

  boolean oneWay() {
    return oneWay;
  }

  SlackerException cancellation() {
    return cancellation;
  }

  void cancel(SlackerException reason) {
    if (cancellation != null) {
      return;
    }
    cancellation = reason;
    for (Handler<SlackerException> handler : cancelHandlers) {
      handler.handle(reason);
    }
    cancelHandlers.clear();
  }

  @Override
  public MethodDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public CallMetadata metadata() {
    return metadata;
  }

  @Override
  public SocketAddress remoteAddress() {
    return remoteAddress;
  }

  @Override
  public long timeoutMillis() {
    return timeoutMillis;
  }

  @Override
  public boolean isCancelled() {
    return cancellation != null;
  }

  @Override
  public ServerCall onCancel(Handler<SlackerException> handler) {
    if (cancellation != null) {
      handler.handle(cancellation);
    } else {
      cancelHandlers.add(handler);
    }
    return this;
  }
}
