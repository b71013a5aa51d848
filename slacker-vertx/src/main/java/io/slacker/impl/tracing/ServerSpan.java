package io.slacker.impl.tracing;

import io.slacker.ServerCall;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;

/**
 * The server span of one call. As Vert.x's HTTP server does per request, the call runs on a
 * duplicate of the connection's context: the span continues the trace its metadata carries and
 * is current there, so the calls the method makes are its children.
 */
public final class ServerSpan {

  private final VertxTracer<Object, ?> tracer;
  private final ContextInternal context;
  /** {@code null} when the tracer reports no span for this call (its policy); the call still runs on its own context. */
  private Object payload;

  private ServerSpan(VertxTracer<Object, ?> tracer, ContextInternal context) {
    this.tracer = tracer;
    this.context = context;
  }

  /** @return the call's span, or {@code null} when Vert.x has no tracer */
  @SuppressWarnings("unchecked")
  public static ServerSpan start(ContextInternal connection, TracingPolicy policy, ServerCall call) {
    VertxTracer<Object, ?> tracer = connection.tracer();
    if (tracer == null) {
      return null;
    }
    ServerSpan span = new ServerSpan(tracer, connection.duplicate());
    span.payload = tracer.receiveRequest(span.context, SpanKind.RPC, policy, call,
        SpanTags.operation(call.descriptor().serviceName(), call.descriptor().methodName()),
        MetadataHeaders.reader(call.metadata()), SpanTags.SERVER_CALL);
    return span;
  }

  /** @return the context the call's interceptors and method run on */
  public ContextInternal context() {
    return context;
  }

  /**
   * Ends the span once, when the call ends: answered, failed, past its deadline or cancelled.
   *
   * @param failure {@code null} when the call succeeded
   */
  public void end(Throwable failure) {
    Object ending = payload;
    if (ending == null) {
      return;
    }
    payload = null;
    SpanOutcome outcome = SpanOutcome.of(failure);
    OpenTelemetryErrorStatus.mark(ending, outcome);
    tracer.sendResponse(context, outcome, ending, failure, SpanTags.OUTCOME);
  }
}
