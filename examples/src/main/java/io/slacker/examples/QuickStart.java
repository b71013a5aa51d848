package io.slacker.examples;

import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerClient;
import io.slacker.SlackerException;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.examples.cluster.ClusterDemo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a server with one service, calls it in a few ways, shows an error, and shuts down
 * gracefully; then runs the {@link ClusterDemo} (discovery in ZooKeeper, ALL and LEADER calls).
 * Run it with {@code ./demo.sh}.
 */
public final class QuickStart {

  static final MethodDescriptor GREET = MethodDescriptor.builder("demo.Greeter", "greet")
      .parameterTypes(String.class).returnType(String.class).build();
  static final MethodDescriptor DIVIDE = MethodDescriptor.builder("demo.Greeter", "divide")
      .parameterTypes(int.class, int.class).returnType(Integer.class).build();

  private QuickStart() {
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
          .register(ServiceDefinition.builder("demo.Greeter")
              .method(GREET, a -> Future.succeededFuture("Hello, " + a[0] + "!"))
              .method(DIVIDE, a -> Future.succeededFuture((Integer) a[0] / (Integer) a[1]))
              .build());
      server.listen().await(10, TimeUnit.SECONDS);
      SocketAddress address = SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
      System.out.println("server listening on " + address);

      SlackerClient client = SlackerClient.create(vertx);
      CallOptions options = new CallOptions().setServer(address);
      System.out.println("greet (smile):  " + client.call(GREET, new Object[]{"Vert.x"}, options).await(10, TimeUnit.SECONDS));
      System.out.println("greet (json):   " + client.call(GREET, new Object[]{"JSON"},
          new CallOptions(options).setSerialization("json")).await(10, TimeUnit.SECONDS));
      System.out.println("greet by name:  " + client.call(address, "demo.Greeter", "greet", List.of("generic caller"),
          String.class, new CallOptions()).await(10, TimeUnit.SECONDS));
      try {
        client.call(DIVIDE, new Object[]{1, 0}, options).await(10, TimeUnit.SECONDS);
      } catch (SlackerException e) {
        System.out.println("divide by zero: " + e.code() + " " + e.remoteClass() + ": " + e.getMessage());
      }
      server.shutdown(5, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
      client.close().await(10, TimeUnit.SECONDS);
      System.out.println("server drained and closed");

      ClusterDemo.run(vertx);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
