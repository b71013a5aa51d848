package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerClient;
import io.slacker.spi.ServiceBinding;
import io.slacker.spi.ServiceIndex;
import io.vertx.core.Future;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test service of the cluster tests: each method says which server answered. Its binding and
 * index are written by hand the way the generator writes them, since this module cannot run it.
 */
public interface Who {

  String NAME = "test.Who";

  MethodDescriptor NAME_METHOD = MethodDescriptor.builder(NAME, "name").returnType(String.class).build();
  MethodDescriptor NAME_IDEMPOTENT = MethodDescriptor.builder(NAME, "nameIdempotent")
      .returnType(String.class).idempotent(true).build();
  MethodDescriptor SLOW_NAME = MethodDescriptor.builder(NAME, "slowName")
      .parameterTypes(long.class).returnType(String.class).idempotent(true).build();
  MethodDescriptor WORK = MethodDescriptor.builder(NAME, "work")
      .parameterTypes(long.class).returnType(String.class).build();

  /** @return the answering server's {@code host:port} */
  Future<String> name();

  Future<String> nameIdempotent();

  /** Answers after {@code millis}, without blocking an event loop. */
  Future<String> slowName(long millis);

  /** As {@link #slowName(long)}, but not idempotent: a client never repeats it. */
  Future<String> work(long millis);

  /** The server side: answers with its own {@code host:port}, counting calls. */
  final class Impl implements Who {
    public final AtomicInteger calls = new AtomicInteger();
    private final io.vertx.core.Vertx vertx;
    private volatile java.util.function.Supplier<String> self = () -> "unknown";

    public Impl(io.vertx.core.Vertx vertx) {
      this.vertx = vertx;
    }

    /** How the server names itself; read per call, so it may depend on the port bound later. */
    public void self(java.util.function.Supplier<String> self) {
      this.self = self;
    }

    @Override
    public Future<String> name() {
      calls.incrementAndGet();
      return Future.succeededFuture(self.get());
    }

    @Override
    public Future<String> nameIdempotent() {
      return name();
    }

    @Override
    public Future<String> slowName(long millis) {
      calls.incrementAndGet();
      return vertx.timer(millis).map(v -> self.get());
    }

    @Override
    public Future<String> work(long millis) {
      return slowName(millis);
    }
  }

  /** What the generator would produce for {@link Who}. */
  final class Binding implements ServiceBinding<Who> {

    @Override
    public Class<Who> serviceInterface() {
      return Who.class;
    }

    @Override
    public String serviceName() {
      return NAME;
    }

    @Override
    public Who createProxy(SlackerClient client, CallOptions defaults) {
      return new Who() {
        @Override
        public Future<String> name() {
          return client.call(NAME_METHOD, new Object[0], new CallOptions(defaults));
        }

        @Override
        public Future<String> nameIdempotent() {
          return client.call(NAME_IDEMPOTENT, new Object[0], new CallOptions(defaults));
        }

        @Override
        public Future<String> slowName(long millis) {
          return client.call(SLOW_NAME, new Object[] {millis}, new CallOptions(defaults));
        }

        @Override
        public Future<String> work(long millis) {
          return client.call(WORK, new Object[] {millis}, new CallOptions(defaults));
        }
      };
    }

    @Override
    public ServiceDefinition createDefinition(Who implementation) {
      return ServiceDefinition.builder(NAME)
          .method(NAME_METHOD, args -> implementation.name())
          .method(NAME_IDEMPOTENT, args -> implementation.nameIdempotent())
          .method(SLOW_NAME, args -> implementation.slowName((Long) args[0]))
          .method(WORK, args -> implementation.work((Long) args[0]))
          .build();
    }
  }

  /** The index the generator would register for this test module. */
  final class Index implements ServiceIndex {
    @Override
    public List<ServiceBinding<?>> bindings() {
      return List.of(new Binding());
    }
  }
}
