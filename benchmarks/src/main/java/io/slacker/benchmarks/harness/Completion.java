package io.slacker.benchmarks.harness;

/** Receives the outcome of one call: the system's own response object, or the failure. */
@FunctionalInterface
public interface Completion {

  void complete(Object response, Throwable failure);
}
