package io.slacker.benchmarks.harness;

import io.slacker.benchmarks.workload.Operation;

/** The client half of one system: issues calls of the workload over one connection. */
public interface WorkloadClient extends AutoCloseable {

  /** Issues one call without blocking; {@code done} runs once, on any thread. */
  void call(Operation operation, int key, Completion done);

  /**
   * @return whether {@code response} (as given to {@link Completion}) is the right answer; the
   *     default compares with {@link Operation#expected(int)} in the shared model
   */
  default boolean isCorrect(Operation operation, int key, Object response) {
    return operation.expected(key).equals(response);
  }

  @Override
  void close() throws Exception;
}
