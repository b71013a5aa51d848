package io.slacker;

/**
 * The error vocabulary of Slacker, shared by the client, the server and the wire protocol.
 * The numeric value is what travels in an error frame (see docs/protocol.md).
 */
public enum StatusCode {
  /** The service or the method is not registered on the server. */
  NOT_FOUND(1),
  /** The request could not be decoded: arguments of the wrong type or count, unknown serialization. */
  BAD_REQUEST(2),
  /** The service method threw or returned a failed future; the remote class name travels along. */
  APPLICATION_ERROR(3),
  /** Too many calls in flight or queued; retry later or elsewhere. */
  OVERLOADED(4),
  /** The call's deadline passed before it completed. */
  DEADLINE_EXCEEDED(5),
  /** The call was cancelled by the caller. */
  CANCELLED(6),
  /** No usable connection: refused, dropped, or the server is going away. Safe to retry elsewhere. */
  UNAVAILABLE(7),
  /** The peer broke the wire protocol (bad magic, version, length or layout). */
  PROTOCOL_ERROR(8),
  /** The server's authentication, or an interceptor, refused the caller: no credential, or one not valid (now). */
  UNAUTHENTICATED(9),
  /** A failure inside Slacker itself, such as a result that cannot be serialized. */
  INTERNAL(10),
  /**
   * The caller lacks what this operation requires (it is known who the caller is): refused by the
   * server's authorization check before the method ran, or by the application itself.
   */
  PERMISSION_DENIED(11),
  /** The application finds the arguments invalid (they decoded; their values are wrong). */
  INVALID_ARGUMENT(12),
  /** The application is not in a state to do this now (an order already shipped, a balance too low). */
  FAILED_PRECONDITION(13),
  /** What the call names does not exist (a user, an order); {@link #NOT_FOUND} is for services and methods. */
  ENTITY_NOT_FOUND(14),
  /**
   * A call routed to the leader reached a server that does not hold the leadership now; it did
   * not run. The caller looks for the leader again.
   */
  NOT_LEADER(15);

  private static final StatusCode[] BY_VALUE = new StatusCode[16];

  static {
    for (StatusCode code : values()) {
      BY_VALUE[code.value] = code;
    }
  }

  private final int value;

  StatusCode(int value) {
    this.value = value;
  }

  /**
   * @return whether a service method may fail with this code as it is: the application's own
   *     codes. Any other code a method fails with reaches its caller relayed, as
   *     {@link #APPLICATION_ERROR} (see {@link SlackerException#relayedCode()}).
   */
  public boolean isApplicationCode() {
    return this == APPLICATION_ERROR || value >= PERMISSION_DENIED.value && value <= ENTITY_NOT_FOUND.value;
  }

  /** @return the number that represents this code on the wire */
  public int value() {
    return value;
  }

  /**
   * @return the code for a wire value; unknown values map to {@link #INTERNAL} so that a newer
   *     peer's codes still surface as an error
   */
  public static StatusCode fromValue(int value) {
    StatusCode code = value > 0 && value < BY_VALUE.length ? BY_VALUE[value] : null;
    return code == null ? INTERNAL : code;
  }
}
