package io.slacker.codegen.sample;

import io.slacker.annotations.LeaderRouted;
import io.slacker.annotations.SlackerService;
import io.vertx.core.Future;

/** A stateful service: every call goes to the elected leader. */
@SlackerService(name = "sample.Ledger")
@LeaderRouted
public interface LedgerService {

  /** @return the answering server's port */
  Future<Integer> append(String entry);
}
