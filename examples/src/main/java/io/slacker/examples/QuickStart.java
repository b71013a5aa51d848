package io.slacker.examples;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerException;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.examples.cluster.ClusterDemo;
import io.slacker.examples.cluster.LiveCluster;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a server with the generated {@link Greeter} service, calls it through its generated
 * proxy and by name, shows an error, and shuts down gracefully; then runs the {@link ClusterDemo}
 * (discovery in ZooKeeper, ONE, ALL and LEADER calls). Run it with {@code ./demo.sh}.
 */
public final class QuickStart {

  private QuickStart() {
  }

  public static void main(String[] args) throws Exception {
    boolean keepRunning = Boolean.getBoolean("slacker.demo.keepRunning");
    Vertx vertx = DemoMetrics.vertx(keepRunning);
    try {
      SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
          .register(Greeter.class, new GreeterImpl());
      server.listen().await(10, TimeUnit.SECONDS);
      SocketAddress address = SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
      System.out.println("server listening on " + address);

      SlackerClient client = SlackerClient.create(vertx);
      Greeter greeter = client.proxy(Greeter.class, address);
      Greeter jsonGreeter = client.proxy(Greeter.class, new CallOptions().setServer(address).setSerialization("json"));
      System.out.println("greet (smile):  " + greeter.greet("Vert.x").await(10, TimeUnit.SECONDS));
      System.out.println("greet (json):   " + jsonGreeter.greet("JSON").await(10, TimeUnit.SECONDS));
      System.out.println("greetAll:       " + greeter.greetAll(List.of("Ada", "Grace")).await(10, TimeUnit.SECONDS));
      System.out.println("greet by name:  " + client.call(address, "demo.Greeter", "greet", List.of("generic caller"),
          String.class, new CallOptions()).await(10, TimeUnit.SECONDS));
      try {
        greeter.divide(1, 0).await(10, TimeUnit.SECONDS);
      } catch (SlackerException e) {
        System.out.println("divide by zero: " + e.code() + " " + e.remoteClass() + ": " + e.getMessage());
      }
      server.shutdown(5, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
      client.close().await(10, TimeUnit.SECONDS);
      System.out.println("server drained and closed");

      ClusterDemo.run(vertx);
      DemoMetrics.printExcerpt("demo.Greeter", "greet");
      if (keepRunning) {
        LiveCluster.run(vertx, "http://127.0.0.1:" + DemoMetrics.SCRAPE_PORT + "/metrics");
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
