package io.slacker.cli;

import io.slacker.StatusCode;

/**
 * The process exit codes of {@code slacker}: one per class of failure, so that a script can tell
 * a typo from an outage without parsing messages.
 */
public enum ExitCode {
  OK(0, "success"),
  FAILURE(1, "other failure (INTERNAL, PROTOCOL_ERROR, CANCELLED)"),
  USAGE(2, "usage error: unknown command or option, bad option value"),
  NOT_FOUND(3, "unknown service or method (NOT_FOUND)"),
  BAD_ARGUMENTS(4, "bad arguments: not a JSON array, or BAD_REQUEST, INVALID_ARGUMENT"),
  APPLICATION_ERROR(5, "method failed (APPLICATION_ERROR, FAILED_PRECONDITION, ENTITY_NOT_FOUND)"),
  UNAVAILABLE(6, "unreachable, or no server in rotation (UNAVAILABLE, NOT_LEADER)"),
  ZOOKEEPER_UNREACHABLE(7, "ZooKeeper unreachable"),
  DEADLINE_EXCEEDED(8, "no answer within --timeout (DEADLINE_EXCEEDED)"),
  DENIED(9, "refused (UNAUTHENTICATED, PERMISSION_DENIED)"),
  OVERLOADED(10, "the server is overloaded (OVERLOADED)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /** @return the exit code for a call that failed with {@code status} */
  public static ExitCode of(StatusCode status) {
    return switch (status) {
      case NOT_FOUND -> NOT_FOUND;
      case BAD_REQUEST, INVALID_ARGUMENT -> BAD_ARGUMENTS;
      case APPLICATION_ERROR, FAILED_PRECONDITION, ENTITY_NOT_FOUND -> APPLICATION_ERROR;
      case UNAVAILABLE, NOT_LEADER -> UNAVAILABLE;
      case DEADLINE_EXCEEDED -> DEADLINE_EXCEEDED;
      case UNAUTHENTICATED, PERMISSION_DENIED -> DENIED;
      case OVERLOADED -> OVERLOADED;
      case CANCELLED, PROTOCOL_ERROR, INTERNAL -> FAILURE;
    };
  }

  /** The table printed at the end of {@code slacker --help}. */
  static String[] helpTable() {
    ExitCode[] codes = values();
    String[] lines = new String[codes.length];
    for (int i = 0; i < codes.length; i++) {
      lines[i] = String.format("  %2d  %s", codes[i].code, codes[i].meaning);
    }
    return lines;
  }
}
