package io.slacker.cluster;

import io.slacker.SlackerException;
import io.slacker.StatusCode;

/**
 * A call to several servers that its {@link GroupPolicy} counts as failed. The code is that of
 * the first failure; the whole outcome is in {@link #result()}.
 */
public class GroupCallException extends SlackerException {

  private final transient GroupResult<?> result;

  public GroupCallException(GroupPolicy policy, GroupResult<?> result) {
    super(firstCode(result), result.failures().size() + " of " + result.size() + " servers of '" + result.service()
        + "' failed (" + policy + "): " + result, firstFailure(result));
    this.result = result;
  }

  public GroupResult<?> result() {
    return result;
  }

  private static Throwable firstFailure(GroupResult<?> result) {
    return result.failures().values().stream().findFirst().orElse(null);
  }

  private static StatusCode firstCode(GroupResult<?> result) {
    Throwable first = firstFailure(result);
    return first == null ? StatusCode.UNAVAILABLE : SlackerException.from(first).code();
  }
}
