package io.slacker.chaos;

import io.slacker.ConnectionLostException;
import io.slacker.NotSentException;
import io.slacker.SlackerException;
import io.slacker.StatusCode;

/** How the suite reads a failed call. */
final class Failures {

  private Failures() {
  }

  /**
   * @return whether the failure promises the call did not run: it was not sent, or the server
   *     refused it before running it ({@code NOT_LEADER}, {@code UNAVAILABLE} of its own, not relayed).
   *     A lost connection says nothing of the kind, whatever its code.
   */
  static boolean promisesNotExecuted(Throwable failure) {
    if (failure instanceof NotSentException) {
      return true;
    }
    if (failure instanceof ConnectionLostException || !(failure instanceof SlackerException slacker)) {
      return false;
    }
    return slacker.relayedCode() == null
        && (slacker.code() == StatusCode.NOT_LEADER || slacker.code() == StatusCode.UNAVAILABLE);
  }

  /** @return a short label for the results table, e.g. "NotSentException UNAVAILABLE" */
  static String label(Throwable failure) {
    String name = failure.getClass().getSimpleName();
    return failure instanceof SlackerException slacker ? name + " " + slacker.code() : name;
  }
}
