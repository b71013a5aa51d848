package io.slacker;

import io.slacker.impl.codegen.ServiceProxyFailures;
import io.vertx.core.json.JsonObject;

/**
 * The one failure type of Slacker calls: a {@link StatusCode}, a message and, for
 * {@link StatusCode#APPLICATION_ERROR}, the class name of the exception thrown on the server.
 *
 * <p>Codes have an origin. The application's codes ({@link StatusCode#isApplicationCode()}:
 * {@code APPLICATION_ERROR}, {@code PERMISSION_DENIED}, {@code INVALID_ARGUMENT},
 * {@code FAILED_PRECONDITION}, {@code ENTITY_NOT_FOUND}) are what a service method fails with, and
 * may carry JSON {@link #details()}. Every other code is produced by Slacker itself (the
 * transport, the server or an interceptor). Any other code that a service method fails with,
 * such as the failure of its own downstream call passed on, reaches the caller as
 * {@code APPLICATION_ERROR} with the original code in {@link #relayedCode()}: a dead downstream
 * never looks like an unreachable server to the upstream caller.
 */
public class SlackerException extends RuntimeException {

  private final StatusCode code;
  private final String remoteClass;
  private final StatusCode relayedCode;
  private final JsonObject details;

  public SlackerException(StatusCode code, String message) {
    this(code, message, null, null);
  }

  public SlackerException(StatusCode code, String message, Throwable cause) {
    this(code, message, null, cause);
  }

  public SlackerException(StatusCode code, String message, String remoteClass, Throwable cause) {
    this(code, message, remoteClass, null, cause);
  }

  /**
   * @param relayedCode for {@code APPLICATION_ERROR}, the code of a Slacker failure the remote method
   *     passed on; {@code null} for none
   */
  public SlackerException(StatusCode code, String message, String remoteClass, StatusCode relayedCode, Throwable cause) {
    this(code, message, remoteClass, relayedCode, null, cause);
  }

  /** An application failure with JSON details the caller receives as they are, e.g. the invalid field. */
  public SlackerException(StatusCode code, String message, JsonObject details) {
    this(code, message, null, null, details, null);
  }

  /**
   * @param details JSON the application attaches for its caller; {@code null} for none
   */
  public SlackerException(StatusCode code, String message, String remoteClass, StatusCode relayedCode,
                          JsonObject details, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.remoteClass = remoteClass;
    this.relayedCode = relayedCode;
    this.details = details;
  }

  public StatusCode code() {
    return code;
  }

  /** @return the class name of the exception thrown by the remote service method, or {@code null} */
  public String remoteClass() {
    return remoteClass;
  }

  /**
   * @return for an {@code APPLICATION_ERROR}, the status code of the Slacker failure the remote method
   *     failed with (typically its own downstream call's, passed on); {@code null} when the method
   *     failed with an exception of its own
   */
  public StatusCode relayedCode() {
    return relayedCode;
  }

  /** @return the JSON details the application attached to the failure, or {@code null} */
  public JsonObject details() {
    return details;
  }

  /**
   * Turns any failure into a {@code SlackerException}: itself if it already is one, otherwise an
   * {@link StatusCode#APPLICATION_ERROR} naming the exception's class.
   */
  public static SlackerException from(Throwable failure) {
    if (failure instanceof SlackerException) {
      return (SlackerException) failure;
    }
    SlackerException serviceProxyFailure = ServiceProxyFailures.fromMethod(failure);
    if (serviceProxyFailure != null) {
      return serviceProxyFailure;
    }
    String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
    return new SlackerException(StatusCode.APPLICATION_ERROR, message, failure.getClass().getName(), failure);
  }

  @Override
  public String toString() {
    String base = "SlackerException[" + code + (relayedCode == null ? "" : ", relayed " + relayedCode) + "]: " + getMessage();
    return remoteClass == null ? base : base + " (remote " + remoteClass + ")";
  }
}
