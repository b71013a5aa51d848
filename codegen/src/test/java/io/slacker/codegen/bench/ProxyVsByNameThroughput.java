package io.slacker.codegen.bench;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.codegen.sample.User;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Calls per second through a generated proxy next to the generic by-name path, in one run, for
 * JSON, Smile and CBOR, with 1 and 128 calls in flight. A closed loop on one client event loop, with
 * client and server in this JVM: it compares the two client paths, it is not a system benchmark
 * (that is the benchmarks module's job).
 *
 * <p>Run after {@code mvn -pl codegen -am test-compile}, with the test class path, e.g.
 * {@code java -cp codegen/target/test-classes:codegen/target/classes:slacker-vertx/target/classes:<deps>
 * io.slacker.codegen.bench.ProxyVsByNameThroughput [seconds per measurement] [rounds]}.
 */
public final class ProxyVsByNameThroughput {

  private static final User USER = new User(42, "Ada Lovelace", List.of("admin", "ops"));

  public static void main(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 2;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Vertx vertx = Vertx.vertx();
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(BenchService.class, id -> Future.succeededFuture(USER));
    server.listen().await(10, TimeUnit.SECONDS);
    SocketAddress address = SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
    SlackerClient client = SlackerClient.create(vertx);
    Context context = vertx.getOrCreateContext();

    System.out.printf("%-7s %9s %15s %15s%n", "format", "in flight", "proxy calls/s", "by-name calls/s");
    for (String serialization : List.of("json", "smile", "cbor")) {
      CallOptions options = new CallOptions().setServer(address).setSerialization(serialization);
      BenchService proxy = client.proxy(BenchService.class, options);
      LongFunction<Future<User>> byProxy = proxy::getUser;
      LongFunction<Future<User>> byName = id -> client.call(address, "bench.Users", "getUser", List.of(id), User.class, options);
      for (int inFlight : new int[] {1, 128}) {
        measure(context, byProxy, inFlight, seconds);
        measure(context, byName, inFlight, seconds);
        // Alternate the two paths so that a noisy neighbour hurts both alike; report medians.
        double[] proxyRates = new double[rounds];
        double[] nameRates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
          proxyRates[round] = measure(context, byProxy, inFlight, seconds);
          nameRates[round] = measure(context, byName, inFlight, seconds);
        }
        System.out.printf("%-7s %9d %15.0f %15.0f%n", serialization, inFlight, median(proxyRates), median(nameRates));
      }
    }
    client.close().await(10, TimeUnit.SECONDS);
    server.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** Keeps {@code inFlight} calls going for {@code seconds} and returns completed calls per second. */
  private static double measure(Context context, LongFunction<Future<User>> call, int inFlight, long seconds) throws Exception {
    AtomicLong completed = new AtomicLong();
    Promise<Void> done = Promise.promise();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    AtomicLong running = new AtomicLong(inFlight);
    context.runOnContext(v -> {
      for (int i = 0; i < inFlight; i++) {
        loop(call, completed, end, running, done);
      }
    });
    long start = System.nanoTime();
    done.future().await(seconds + 30, TimeUnit.SECONDS);
    return completed.get() / ((System.nanoTime() - start) / 1e9);
  }

  private static void loop(LongFunction<Future<User>> call, AtomicLong completed, long end, AtomicLong running, Promise<Void> done) {
    call.apply(completed.get()).onComplete(ar -> {
      if (ar.failed()) {
        done.tryFail(ar.cause());
        return;
      }
      completed.incrementAndGet();
      if (System.nanoTime() < end) {
        loop(call, completed, end, running, done);
      } else if (running.decrementAndGet() == 0) {
        done.tryComplete();
      }
    });
  }
}
