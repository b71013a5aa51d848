package io.slacker;

/**
 * The one failure type of Slacker calls: a {@link StatusCode}, a message and, for
 * {@link StatusCode#APPLICATION_ERROR}, the class name of the exception thrown on the server.
 */
public class SlackerException extends RuntimeException {

  private final StatusCode code;
  private final String remoteClass;

  public SlackerException(StatusCode code, String message) {
    this(code, message, null, null);
  }

  public SlackerException(StatusCode code, String message, Throwable cause) {
    this(code, message, null, cause);
  }

  public SlackerException(StatusCode code, String message, String remoteClass, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.remoteClass = remoteClass;
  }

  public StatusCode code() {
    return code;
  }

  /** @return the class name of the exception thrown by the remote service method, or {@code null} */
  public String remoteClass() {
    return remoteClass;
  }

  /**
   * Turns any failure into a {@code SlackerException}: itself if it already is one, otherwise an
   * {@link StatusCode#APPLICATION_ERROR} naming the exception's class.
   */
  public static SlackerException from(Throwable failure) {
    if (failure instanceof SlackerException) {
      return (SlackerException) failure;
    }
    String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
    return new SlackerException(StatusCode.APPLICATION_ERROR, message, failure.getClass().getName(), failure);
  }

  @Override
  public String toString() {
    String base = "SlackerException[" + code + "]: " + getMessage();
    return remoteClass == null ? base : base + " (remote " + remoteClass + ")";
  }
}
