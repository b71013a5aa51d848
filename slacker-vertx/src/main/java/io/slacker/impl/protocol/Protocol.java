package io.slacker.impl.protocol;

/** Constants of the wire format; docs/protocol.md is the normative description. */
public final class Protocol {

  /** First byte of every frame after the length: tells a Slacker peer from anything else. */
  public static final int MAGIC = 0xAC;
  public static final int VERSION = 1;

  public static final int LENGTH_FIELD_SIZE = 4;
  /** Strings on the wire carry a u16 length. */
  public static final int MAX_STRING_BYTES = 0xFFFF;
  /** magic(1) version(1) type(1) flags(1) serialization(1) callId(4). */
  public static final int HEADER_SIZE = 9;

  public static final int OFFSET_MAGIC = 0;
  public static final int OFFSET_VERSION = 1;
  public static final int OFFSET_TYPE = 2;
  public static final int OFFSET_FLAGS = 3;
  public static final int OFFSET_SERIALIZATION = 4;
  public static final int OFFSET_CALL_ID = 5;

  /** Request flag: the method is named by service and method strings instead of numeric ids. */
  public static final int FLAG_BY_NAME = 0x01;
  /** Request flag: a metadata block follows the method reference. */
  public static final int FLAG_METADATA = 0x02;
  /** Request flag: the caller expects no response (void methods). */
  public static final int FLAG_ONE_WAY = 0x04;
  /** REQUEST flag: the caller routed the call to the service's leader; only a leader runs it. */
  public static final int FLAG_LEADER = 0x08;

  /** Metadata key of a per-call bearer token: it overrides the connection's identity for that call (§4). */
  public static final String METADATA_TOKEN = "slacker-token";

  /** Serialization id of frames that carry no serialized payload. */
  public static final int NO_SERIALIZATION = 0;

  /** HELLO capability: the sender reads the ERROR body's extension (§5): failure code and details. */
  public static final long CAPABILITY_EXTENDED_ERRORS = 0x1;
  /**
   * HELLO capability: from a client, a bearer token follows the incarnation field (§8); from a
   * server, it requires every call to carry a valid identity and refuses others with UNAUTHENTICATED.
   */
  public static final long CAPABILITY_AUTHENTICATION = 0x2;
  /** From a client: its HELLO carries its name and version after the token field (§8). */
  public static final long CAPABILITY_CLIENT_INFO = 0x4;
  /** What this implementation announces in its HELLO; {@link #CAPABILITY_AUTHENTICATION} is added when it applies. */
  public static final long CAPABILITIES = CAPABILITY_EXTENDED_ERRORS;

  /** ERROR extension flags (§5). */
  public static final int ERROR_HAS_FAILURE_CODE = 0x1;
  public static final int ERROR_HAS_DETAILS = 0x2;

  private Protocol() {
  }
}
