package io.slacker.cluster.impl;

/**
 * What the transport says of a failed attempt. Only the transport can tell these apart: a status
 * code alone cannot, since a service may pass on any code its own downstream call failed with.
 */
public interface AttemptFailures {

  /** @return whether the request certainly did not run, so it may be sent elsewhere whatever the method */
  boolean neverRan(Throwable failure);

  /** @return whether the failure shows the server cannot be reached, so it leaves the rotation */
  boolean unreachable(Throwable failure);

  /** @return whether the attempt timed out with no answer from a connected server: a sign of a paused or stalled one */
  boolean unanswered(Throwable failure);
}
