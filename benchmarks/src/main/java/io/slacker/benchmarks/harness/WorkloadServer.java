package io.slacker.benchmarks.harness;

/** The server half of one system, run alone in its own JVM. */
public interface WorkloadServer extends AutoCloseable {

  /** Starts serving on 127.0.0.1. @return the port it listens on */
  int start(Settings settings) throws Exception;

  @Override
  void close() throws Exception;
}
