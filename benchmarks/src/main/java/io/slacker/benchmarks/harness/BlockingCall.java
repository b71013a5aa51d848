package io.slacker.benchmarks.harness;

import io.slacker.benchmarks.workload.Operation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One call waited for, outside the measured loop: probing frame sizes and testing the systems. */
public final class BlockingCall {

  private BlockingCall() {
  }

  /** @return the system's own response object */
  public static Object call(WorkloadClient client, Operation operation, int key) throws Exception {
    CompletableFuture<Object> answer = new CompletableFuture<>();
    client.call(operation, key, (response, failure) -> {
      if (failure != null) {
        answer.completeExceptionally(failure);
      } else {
        answer.complete(response);
      }
    });
    return answer.get(10, TimeUnit.SECONDS);
  }
}
