package io.slacker.benchmarks.micro;

import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerClient;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.SocketAddress;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A micro-run of the core: calls per second of an echo through one connection, with 1 and 128
 * calls in flight, for each serialization, with a short string and with a 12-field record. Server and client have their own Vert.x
 * instances (one event loop each) in this JVM. Usage: {@code EchoThroughput [seconds [format...]]}.
 */
public final class EchoThroughput {

  /** A mid-sized value with the field kinds of a typical entity, for the second run. */
  public record Person(long id, String name, int sex, java.time.LocalDate birthday, String email, String mobile,
                       String address, String icon, java.util.List<Integer> permissions, int status,
                       java.time.LocalDateTime createTime, java.time.LocalDateTime updateTime) {
  }

  private static final Person PERSON = new Person(42, "Ada Lovelace", 1, java.time.LocalDate.of(1815, 12, 10),
      "ada@example.org", "+44 20 7946 0000", "12 St James's Square, London", "https://example.org/ada.png",
      java.util.List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), 1,
      java.time.LocalDateTime.of(2024, 1, 1, 12, 0), java.time.LocalDateTime.of(2025, 6, 1, 8, 30));
  private static final MethodDescriptor ECHO_STRING = MethodDescriptor.builder("micro.Echo", "echo")
      .parameterTypes(String.class).returnType(String.class).build();
  private static final MethodDescriptor ECHO_PERSON = MethodDescriptor.builder("micro.Echo", "echoPerson")
      .parameterTypes(Person.class).returnType(Person.class).build();

  /** The in-flight levels, in order; {@code -Dinflight=1,128} by default. */
  private static final int[] IN_FLIGHT = java.util.Arrays.stream(System.getProperty("inflight", "1,128").split(","))
      .mapToInt(Integer::parseInt).toArray();

  private EchoThroughput() {
  }

  public static void main(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
    String[] formats = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length) : new String[]{"json", "smile", "cbor"};
    Vertx serverVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try {
      SlackerServer server = SlackerServer.create(serverVertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
          .register(ServiceDefinition.builder("micro.Echo")
              .method(ECHO_STRING, a -> Future.succeededFuture(a[0]))
              .method(ECHO_PERSON, a -> Future.succeededFuture(a[0]))
              .build());
      server.listen().await(10, TimeUnit.SECONDS);
      SocketAddress address = SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
      SlackerClient client = SlackerClient.create(clientVertx);
      System.out.printf("%-8s %-6s %9s %14s%n", "payload", "format", "in-flight", "calls/s");
      for (Object payload : new Object[]{"hello, slacker", PERSON}) {
        MethodDescriptor method = payload instanceof String ? ECHO_STRING : ECHO_PERSON;
        for (String serialization : formats) {
          CallOptions options = new CallOptions().setServer(address).setSerialization(serialization);
          for (int inFlight : IN_FLIGHT) {
            run(clientVertx, client, method, payload, options, inFlight, 2);
            double rate = run(clientVertx, client, method, payload, options, inFlight, seconds);
            System.out.printf("%-8s %-6s %9d %,14.0f%n", method.methodName(), serialization, inFlight, rate);
          }
        }
      }
      client.close().await(10, TimeUnit.SECONDS);
      server.close().await(10, TimeUnit.SECONDS);
    } finally {
      clientVertx.close().await(10, TimeUnit.SECONDS);
      serverVertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** Closed loop: each of {@code inFlight} callers sends its next call when the previous answers. */
  private static double run(Vertx vertx, SlackerClient client, MethodDescriptor method, Object payload,
                            CallOptions options, int inFlight, long seconds)
      throws Exception {
    AtomicLong completed = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    CompletableFuture<Void> done = new CompletableFuture<>();
    AtomicLong running = new AtomicLong(inFlight);
    long start = System.nanoTime();
    vertx.runOnContext(v -> {
      for (int i = 0; i < inFlight; i++) {
        loop(client, method, payload, options, end, completed, running, done);
      }
    });
    done.get(seconds + 30, TimeUnit.SECONDS);
    return completed.get() / ((System.nanoTime() - start) / 1e9);
  }

  private static void loop(SlackerClient client, MethodDescriptor method, Object payload, CallOptions options, long end,
                           AtomicLong completed, AtomicLong running, CompletableFuture<Void> done) {
    client.call(method, new Object[]{payload}, options).onComplete(ar -> {
      if (ar.failed() || !payload.equals(ar.result())) {
        done.completeExceptionally(ar.failed() ? ar.cause() : new IllegalStateException("wrong echo: " + ar.result()));
        return;
      }
      completed.incrementAndGet();
      if (System.nanoTime() < end) {
        loop(client, method, payload, options, end, completed, running, done);
      } else if (running.decrementAndGet() == 0) {
        done.complete(null);
      }
    });
  }
}
