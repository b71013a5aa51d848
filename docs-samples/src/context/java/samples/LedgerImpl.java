package samples;

import io.vertx.core.Future;

public class LedgerImpl implements Ledger {
  private long total;

  @Override
  public Future<Long> add(long amount) {
    total += amount;
    return Future.succeededFuture(total);
  }
}
