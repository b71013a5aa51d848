package samples;

import io.vertx.core.Future;

/** The implementation of README.md's {@code Greeter} that the docs register. */
public class GreeterImpl implements Greeter {
  @Override
  public Future<String> greet(String name) {
    return Future.succeededFuture("Hello, " + name + "!");
  }
}
