package io.slacker.impl.tracing;

import io.slacker.SlackerException;
import io.slacker.StatusCode;

/**
 * How a traced call ended, as the tracer is told: the response of the SPI's
 * {@code receiveResponse} and {@code sendResponse}, whose tags are the status code.
 */
final class SpanOutcome {

  /** What a call that succeeded is tagged with: Slacker has no status code for success. */
  static final String OK = "OK";

  private static final SpanOutcome SUCCEEDED = new SpanOutcome(null);

  private final StatusCode code;

  private SpanOutcome(StatusCode code) {
    this.code = code;
  }

  /** @param failure {@code null} when the call succeeded; what is not a {@code SlackerException} is an application error, as on the wire */
  static SpanOutcome of(Throwable failure) {
    if (failure == null) {
      return SUCCEEDED;
    }
    return new SpanOutcome(failure instanceof SlackerException slacker ? slacker.code() : StatusCode.APPLICATION_ERROR);
  }

  boolean failed() {
    return code != null;
  }

  String codeName() {
    return code == null ? OK : code.name();
  }
}
