package io.slacker.examples;

import io.slacker.annotations.Idempotent;
import io.slacker.annotations.SlackerService;
import io.slacker.annotations.Timeout;
import io.vertx.core.Future;

import java.util.List;

/** The demo's service: the generator turns it into a client proxy and a server invoker. */
@SlackerService(name = "demo.Greeter")
public interface Greeter {

  @Idempotent
  Future<String> greet(String name);

  Future<Integer> divide(int dividend, int divisor);

  @Timeout(2_000)
  Future<List<Greeting>> greetAll(List<String> names);

  /** A greeting as a record: it travels as an object and arrives as a record. */
  record Greeting(String name, String text, int length) {
  }
}
