package io.slacker.cli;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Blocks the command's own thread (never an event loop) for a Vert.x result, for a bounded time. */
final class Await {

  private Await() {
  }

  /**
   * @return the value of {@code future}
   * @throws RuntimeException the future's failure as it is, or {@code onTimeout}'s when it takes longer than {@code timeout}
   */
  static <T> T result(Future<T> future, Duration timeout, Supplier<CommandFailure> onTimeout) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw onTimeout.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure(ExitCode.FAILURE, "interrupted");
    }
  }

  /** Waits at most {@code timeout} for {@code future} to end, whatever its outcome: for closing. */
  static void settle(Future<?> future, Duration timeout) {
    try {
      future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Closing is best effort: the process ends anyway.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
