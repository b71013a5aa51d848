package io.slacker;

/**
 * Where a {@link SlackerServer} is in its life, for health checks and tools: it only moves
 * forward, from {@link #CREATED} to {@link #CLOSED}.
 */
public enum ServerState {

  /** Not listening yet: {@link SlackerServer#listen()} was not called, or its sockets are still binding. */
  CREATED,

  /** Its sockets are bound and it accepts connections (with a discovery, published or still publishing). */
  LISTENING,

  /**
   * A {@link SlackerServer#shutdown() shutdown} or {@link SlackerServer#close() close} began: the
   * server withdraws from discovery, waits its grace, then finishes the calls in flight; it takes
   * no new work, so a load balancer should stop sending it any.
   */
  DRAINING,

  /** Stopped: its sockets are closed, or {@code listen()} failed. */
  CLOSED
}
