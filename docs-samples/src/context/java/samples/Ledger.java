package samples;

import io.slacker.annotations.SlackerService;
import io.vertx.core.Future;

/** The stateful, leader-routed service of docs/cluster.md. */
@SlackerService(name = "shop.Ledger")
public interface Ledger {
  Future<Long> add(long amount);
}
