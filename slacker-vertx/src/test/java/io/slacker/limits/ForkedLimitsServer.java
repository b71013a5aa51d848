package io.slacker.limits;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.slacker.MethodDescriptor;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.test.EchoServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * A server in its own JVM for the memory tests: {@link EchoServices} and {@code test.Bulk}, with
 * the server options given as JSON in the first argument. Prints {@code LISTENING host:port} and
 * exits when its standard input closes.
 */
public final class ForkedLimitsServer {

  public static final String BULK = "test.Bulk";
  /** Sums a list of ints: a large valid request whose decoded form costs several times its frame. */
  public static final MethodDescriptor SUM = MethodDescriptor.builder(BULK, "sum")
      .parameterTypes(TypeFactory.defaultInstance().constructCollectionType(List.class, Integer.class))
      .returnType(Long.class).build();
  /** Allocates on the event loop until the heap is exhausted: a real OutOfMemoryError. */
  public static final MethodDescriptor EXHAUST = MethodDescriptor.builder(BULK, "exhaust")
      .returnType(Integer.class).build();

  private ForkedLimitsServer() {
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    SlackerServerOptions options = new SlackerServerOptions(new JsonObject(args[0])).setHost("127.0.0.1").setPort(0);
    SlackerServer server = SlackerServer.create(vertx, options)
        .register(new EchoServices().definition())
        .register(ServiceDefinition.builder(BULK)
            .method(SUM, a -> {
              @SuppressWarnings("unchecked")
              List<Integer> values = (List<Integer>) a[0];
              long sum = 0;
              for (int value : values) {
                sum += value;
              }
              return Future.succeededFuture(sum);
            })
            .method(EXHAUST, a -> {
              List<long[]> hog = new ArrayList<>();
              while (true) {
                hog.add(new long[1 << 20]);
              }
            })
            .build());
    server.listen().await();
    System.out.println("LISTENING 127.0.0.1:" + server.actualPort());
    System.out.flush();
    while (System.in.read() != -1) {
      // Wait for the parent to go away.
    }
    System.exit(0);
  }
}
