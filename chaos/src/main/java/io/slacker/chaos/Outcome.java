package io.slacker.chaos;

import java.util.Map;

/**
 * What the client saw of one call.
 *
 * @param answeredBy {@code host:port/incarnation} of the server that ran it, for a ONE or LEADER call that succeeded
 * @param failure why the call failed, {@code null} if it succeeded
 * @param serverFailures for an ALL call, each server ({@code host:port}) that failed and why
 */
record Outcome(String id, CallKind kind, long startNanos, long endNanos, String answeredBy, Throwable failure,
               Map<String, Throwable> serverFailures) {

  boolean succeeded() {
    return failure == null;
  }
}
