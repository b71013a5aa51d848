package io.slacker.impl.server;

import io.slacker.MethodHandler;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs blocking methods on a worker pool with a bounded queue: a call that would exceed the
 * bound fails with {@code OVERLOADED} at once instead of waiting without limit.
 */
final class BlockingExecutor {

  private final WorkerExecutor workers;
  private final int limit;
  private final AtomicInteger accepted = new AtomicInteger();
  private Future<Void> closed;

  BlockingExecutor(WorkerExecutor workers, int limit) {
    this.workers = workers;
    this.limit = limit;
  }

  Future<Object> submit(ServerCallImpl call, MethodHandler handler, Object[] args) {
    if (accepted.incrementAndGet() > limit) {
      accepted.decrementAndGet();
      return Future.failedFuture(new SlackerException(StatusCode.OVERLOADED,
          "the blocking queue is full (" + limit + " calls); retry later"));
    }
    return workers.<Future<Object>>executeBlocking(() -> {
      try {
        SlackerException cancellation = call.cancellation();
        if (cancellation != null) {
          // The caller gave up while the call waited for a worker: skip the work.
          throw cancellation;
        }
        return CurrentServerCall.invoke(call, handler, args);
      } finally {
        accepted.decrementAndGet();
      }
    }, false).compose(result -> result);
  }

  /** Closes the pool once; later calls get the same future, as a server may be closed more than once. */
  synchronized Future<Void> close() {
    if (closed == null) {
      closed = workers.close();
    }
    return closed;
  }
}
