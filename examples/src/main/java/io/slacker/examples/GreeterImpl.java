package io.slacker.examples;

import io.vertx.core.Future;

import java.util.List;

/** Runs on the server's event loop: nothing here blocks. */
public final class GreeterImpl implements Greeter {

  @Override
  public Future<String> greet(String name) {
    return Future.succeededFuture("Hello, " + name + "!");
  }

  @Override
  public Future<Integer> divide(int dividend, int divisor) {
    return Future.succeededFuture(dividend / divisor);
  }

  @Override
  public Future<List<Greeting>> greetAll(List<String> names) {
    return Future.succeededFuture(names.stream()
        .map(name -> new Greeting(name, "Hello, " + name + "!", name.length()))
        .toList());
  }
}
