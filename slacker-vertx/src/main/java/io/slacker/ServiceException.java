package io.slacker;

import io.vertx.core.json.JsonObject;

/**
 * An application failure with the application's own numeric code, as vertx-service-proxy's
 * {@code ServiceException} has: the caller gets the same code, message and details back and can
 * {@code recover} on {@link #failureCode()} without comparing messages. Its status code is
 * {@link StatusCode#APPLICATION_ERROR}.
 */
public class ServiceException extends SlackerException {

  private final int failureCode;

  public ServiceException(int failureCode, String message) {
    this(failureCode, message, null);
  }

  public ServiceException(int failureCode, String message, JsonObject details) {
    this(failureCode, message, null, details);
  }

  /** As received by a client: {@code remoteClass} names the exception thrown on the server. */
  public ServiceException(int failureCode, String message, String remoteClass, JsonObject details) {
    super(StatusCode.APPLICATION_ERROR, message, remoteClass, null, details, null);
    this.failureCode = failureCode;
  }

  /** @return the application's code for this failure */
  public int failureCode() {
    return failureCode;
  }

  @Override
  public String toString() {
    return "ServiceException[" + failureCode + "]: " + getMessage();
  }
}
