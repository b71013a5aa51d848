package io.slacker.cli;

import io.slacker.annotations.Idempotent;
import io.slacker.annotations.SlackerService;
import io.vertx.core.Future;

import java.util.List;

/** The service the CLI's tests call, describe and administer; each server runs one. */
@SlackerService(name = "test.Calc")
public interface Calculator {

  /** Adds two numbers. */
  @Idempotent
  Future<Integer> add(int a, int b);

  /** Sums the values into a record, for a structured result. */
  Future<Total> total(List<Integer> values);

  /** The address of the server that ran the call. */
  Future<String> whoAmI();

  /** Fails with an IllegalStateException carrying the message. */
  Future<String> fail(String message);

  /** The value of a metadata entry of the call, null when absent. */
  Future<String> metadata(String key);

  /** Answers after the given number of milliseconds. */
  Future<Long> sleep(long millis);

  record Total(int count, long sum) {
  }
}
