package io.slacker.cluster;

import io.vertx.core.Future;

/** A live view of one service in discovery, kept current by watches rather than reads. */
public interface ServiceWatch {

  /** @return the latest snapshot; the last known one while discovery is unreachable */
  ServiceMembers current();

  /** Stops watching; no more updates are delivered. */
  Future<Void> close();
}
