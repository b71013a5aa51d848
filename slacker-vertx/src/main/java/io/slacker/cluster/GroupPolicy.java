package io.slacker.cluster;

/** When a call to several servers counts as failed. */
public enum GroupPolicy {
  /** The call fails if any server fails. */
  FAIL_IF_ANY_FAILS,
  /** The call fails only if every server fails. */
  FAIL_IF_ALL_FAIL,
  /** The call never fails; every outcome is in the {@link GroupResult}. */
  NEVER_FAIL
}
