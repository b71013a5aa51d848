package io.slacker.impl.tracing;

import io.vertx.tracing.opentelemetry.Operation;

/**
 * Gives a failed span OpenTelemetry's error status. vertx-opentelemetry records a failure as an
 * exception event only, and Vert.x's tracing SPI has no way to set a status, so the span is
 * reached through the payload its tracer hands back. Without vertx-opentelemetry on the class
 * path, or with another tracer, this does nothing.
 */
final class OpenTelemetryErrorStatus {

  private static final boolean PRESENT = present();

  private OpenTelemetryErrorStatus() {
  }

  /** @param payload what the tracer returned when the span started */
  static void mark(Object payload, SpanOutcome outcome) {
    if (PRESENT && outcome.failed()) {
      Marker.mark(payload, outcome.codeName());
    }
  }

  private static boolean present() {
    try {
      Class.forName("io.vertx.tracing.opentelemetry.Operation", false, OpenTelemetryErrorStatus.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Names vertx-opentelemetry's classes: loaded only when they are there. */
  private static final class Marker {

    static void mark(Object payload, String code) {
      if (payload instanceof Operation operation) {
        operation.span().setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, code);
      }
    }
  }
}
