package io.slacker.chaos;

import io.slacker.annotations.Idempotent;
import io.slacker.annotations.LeaderRouted;
import io.slacker.annotations.SlackerService;
import io.vertx.core.Future;

/** The leader-routed service under test: every call must run on the leader of its term, and only there. */
@SlackerService(name = Ledger.NAME)
@LeaderRouted
public interface Ledger {

  String NAME = "chaos.Ledger";

  /** @return who ran it: {@code host:port/incarnation} */
  @Idempotent
  Future<String> read();

  /** A write: the client never repeats it unless it certainly did not run. */
  Future<String> append();
}
