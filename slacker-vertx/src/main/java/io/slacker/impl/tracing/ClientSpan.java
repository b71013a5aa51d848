package io.slacker.impl.tracing;

import io.slacker.ClientCall;
import io.vertx.core.Future;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;

/**
 * The client span of one call attempt, reported to Vert.x's tracer as its HTTP client reports a
 * request: its trace context travels in the call's metadata, for the server span to continue.
 */
public final class ClientSpan {

  private final VertxTracer<?, Object> tracer;
  private final ContextInternal context;
  private final Object payload;

  private ClientSpan(VertxTracer<?, Object> tracer, ContextInternal context, Object payload) {
    this.tracer = tracer;
    this.context = context;
    this.payload = payload;
  }

  /**
   * @param context the context whose trace the span joins: the caller's, or a group call's
   * @return the attempt's span, or {@code null} when Vert.x has no tracer or the tracer reports none
   */
  @SuppressWarnings("unchecked")
  public static ClientSpan start(ContextInternal context, TracingPolicy policy, ClientCall call) {
    VertxTracer<?, Object> tracer = context.tracer();
    if (tracer == null) {
      return null;
    }
    Object payload = tracer.sendRequest(context, SpanKind.RPC, policy, call,
        SpanTags.operation(call.service(), call.method()), MetadataHeaders.writer(call.metadata()), SpanTags.CLIENT_CALL);
    return payload == null ? null : new ClientSpan(tracer, context, payload);
  }

  /** @return {@code result}, the span ending when it completes */
  public <T> Future<T> endWith(Future<T> result) {
    return result.andThen(outcome -> {
      SpanOutcome ended = SpanOutcome.of(outcome.cause());
      OpenTelemetryErrorStatus.mark(payload, ended);
      tracer.receiveResponse(context, ended, payload, outcome.cause(), SpanTags.OUTCOME);
    });
  }
}
