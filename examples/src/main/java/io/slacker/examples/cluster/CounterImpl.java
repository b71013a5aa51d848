package io.slacker.examples.cluster;

import io.vertx.core.Future;

import java.util.function.Supplier;

/** One server's counter. */
final class CounterImpl implements Counter {

  private final Supplier<String> self;
  private long count;

  /** @param self names the server; read per call, since the port is bound after registration */
  CounterImpl(Supplier<String> self) {
    this.self = self;
  }

  @Override
  public Future<String> who() {
    return Future.succeededFuture(self.get());
  }

  @Override
  public synchronized Future<String> increment() {
    return Future.succeededFuture(self.get() + " counted " + ++count);
  }
}
