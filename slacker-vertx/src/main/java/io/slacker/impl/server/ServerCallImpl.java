package io.slacker.impl.server;

import io.slacker.CallMetadata;
import io.slacker.MethodDescriptor;
import io.slacker.ServerCall;
import io.slacker.SlackerException;
import io.slacker.impl.Deadlines;
import io.slacker.impl.tracing.ServerSpan;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.auth.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * One call in flight on a server connection, owned by the connection's event loop. Service code
 * may register cancel handlers from any thread (a blocking method runs on a worker), so the
 * handlers are guarded by the call's lock, and each runs once, outside the lock.
 */
final class ServerCallImpl extends Deadlines.Entry implements ServerCall {

  private static final Logger LOG = LoggerFactory.getLogger(ServerCallImpl.class);

  private final int callId;
  private final MethodDescriptor descriptor;
  private final CallMetadata metadata;
  private final SocketAddress remoteAddress;
  private final long timeoutMillis;
  private final boolean oneWay;
  private final long leaderTerm;
  private final List<Handler<SlackerException>> cancelHandlers = new ArrayList<>(1);
  private volatile SlackerException cancellation;
  /** Set on the event loop before interceptors and the method run; they may read it from any thread. */
  private volatile User user;
  private final ServerConnection connection;
  /** The bytes of the connection's budget the call holds until it ends. */
  long memoryCharge;
  /** When the call started and the size of its request frame, for metrics. */
  long startNanos;
  int requestBytes;
  /** The call's span when Vert.x has a tracer, else {@code null}; touched on the connection's event loop. */
  private ServerSpan span;

  ServerCallImpl(ServerConnection connection, int callId, MethodDescriptor descriptor, CallMetadata metadata,
                 SocketAddress remoteAddress, long timeoutMillis, boolean oneWay, long leaderTerm) {
    this.connection = connection;
    this.leaderTerm = leaderTerm;
    this.callId = callId;
    this.descriptor = descriptor;
    this.metadata = metadata;
    this.remoteAddress = remoteAddress;
    this.timeoutMillis = timeoutMillis;
    this.oneWay = oneWay;
  }

  @Override
  protected void expire() {
    connection.onDeadline(this);
  }

  int callId() {
    return callId;
  }

  boolean oneWay() {
    return oneWay;
  }

  void span(ServerSpan span) {
    this.span = span;
  }

  /** The call ended: answered, failed, past its deadline or cancelled. {@code failure} is {@code null} on success. */
  void endSpan(Throwable failure) {
    if (span != null) {
      span.end(failure);
    }
  }

  SlackerException cancellation() {
    return cancellation;
  }

  /** Cancels the call and runs its cancel handlers; a handler that throws is logged and stops no other. */
  void cancel(SlackerException reason) {
    List<Handler<SlackerException>> handlers;
    synchronized (this) {
      if (cancellation != null) {
        return;
      }
      cancellation = reason;
      handlers = new ArrayList<>(cancelHandlers);
      cancelHandlers.clear();
    }
    endSpan(reason);
    for (Handler<SlackerException> handler : handlers) {
      runHandler(handler, reason);
    }
  }

  private void runHandler(Handler<SlackerException> handler, SlackerException reason) {
    try {
      handler.handle(reason);
    } catch (RuntimeException e) {
      LOG.warn("A cancel handler of {} (call {}) from {} threw", descriptor, Integer.toUnsignedString(callId), remoteAddress, e);
    }
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
  public long leaderTerm() {
    return leaderTerm;
  }

  @Override
  public User user() {
    return user;
  }

  void user(User user) {
    this.user = user;
  }

  @Override
  public boolean isCancelled() {
    return cancellation != null;
  }

  @Override
  public ServerCall onCancel(Handler<SlackerException> handler) {
    SlackerException already;
    synchronized (this) {
      already = cancellation;
      if (already == null) {
        cancelHandlers.add(handler);
      }
    }
    if (already != null) {
      runHandler(handler, already);
    }
    return this;
  }
}
