package io.slacker.impl.tracing;

import io.slacker.cluster.Grouping;
import io.vertx.core.Future;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one span of a call to a group of servers, parent of the client span of each server's call.
 * Of Vert.x's tracing SPI only {@code receiveRequest} makes a span the parent of the spans started
 * later on a context, so the group span is reported that way, on a duplicate of the caller's
 * context that carries the caller's trace; the calls to the servers start their spans there.
 */
public final class GroupSpan {

  /** What the tracer is told of the group call. */
  record Request(String service, String method, String grouping) {
  }

  private static final Iterable<Map.Entry<String, String>> NO_HEADERS = List.of();

  private final VertxTracer<Object, ?> tracer;
  private final ContextInternal context;
  private final Object payload;

  private GroupSpan(VertxTracer<Object, ?> tracer, ContextInternal context, Object payload) {
    this.tracer = tracer;
    this.context = context;
    this.payload = payload;
  }

  /** @return the group's span, or {@code null} when Vert.x has no tracer or the tracer reports none */
  @SuppressWarnings("unchecked")
  public static GroupSpan start(ContextInternal caller, TracingPolicy policy, String service, String method, Grouping grouping) {
    VertxTracer<Object, ?> tracer = caller.tracer();
    if (tracer == null) {
      return null;
    }
    ContextInternal context = caller.duplicate(true);
    Object payload = tracer.receiveRequest(context, SpanKind.RPC, policy,
        new Request(service, method, grouping.kind().name().toLowerCase(Locale.ROOT)),
        SpanTags.operation(service, method), NO_HEADERS, SpanTags.GROUP_CALL);
    return payload == null ? null : new GroupSpan(tracer, context, payload);
  }

  /** @return the context the calls to the group's servers start their spans on */
  public ContextInternal context() {
    return context;
  }

  /** @return {@code result}, the span ending when it completes */
  public <T> Future<T> endWith(Future<T> result) {
    return result.andThen(outcome -> {
      SpanOutcome ended = SpanOutcome.of(outcome.cause());
      OpenTelemetryErrorStatus.mark(payload, ended);
      tracer.sendResponse(context, ended, payload, outcome.cause(), SpanTags.OUTCOME);
    });
  }
}
