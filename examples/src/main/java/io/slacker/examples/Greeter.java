package io.slacker.examples;

import io.slacker.annotations.Idempotent;
import io.slacker.annotations.SlackerService;
import io.slacker.annotations.Timeout;
import io.vertx.core.Future;

import java.util.List;

/** The demo's service: the generator turns it into a client proxy and a server invoker. */
@SlackerService(name = "demo.Greeter")
public interface Greeter {

  /** Greets one person by name. */
  @Idempotent
  Future<String> greet(String name);

  /** Divides two whole numbers; a zero divisor fails with the server's {@code ArithmeticException}. */
  Future<Integer> divide(int dividend, int divisor);

  /** Greets everyone named, in order, within two seconds. */
  @Timeout(2_000)
  Future<List<Greeting>> greetAll(List<String> names);

  /** A greeting as a record: it travels as an object and arrives as a record. */
  record Greeting(String name, String text, int length) {
  }
}
