package io.slacker.benchmarks.micro;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slacker.SlackerMetricsOptions;
import io.slacker.micrometer.impl.MicrometerRpcMetricsFactory;
import io.slacker.spi.metrics.RpcClientMetrics;
import io.slacker.spi.metrics.RpcServerMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * What Slacker's Micrometer meters cost per call without the network: a client's and a server's
 * start and end of one call, the four methods of the workload in turn, in one thread. The suite's
 * slacker-binary-metrics row says what that is worth end to end. Usage:
 * {@code MetricsCost [rounds [calls per round]]}, by default 6 and 5,000,000.
 */
public final class MetricsCost {

  private static final String SERVICE = "bench.UserService";
  private static final String[] METHODS = {"existUser", "createUser", "getUser", "listUser"};

  private MetricsCost() {
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 5_000_000;
    Vertx vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(new SimpleMeterRegistry())).build();
    try {
      MicrometerRpcMetricsFactory factory = new MicrometerRpcMetricsFactory();
      RpcClientMetrics client = factory.client(vertx, new SlackerMetricsOptions());
      RpcServerMetrics server = factory.server(vertx, new SlackerMetricsOptions());
      SocketAddress address = SocketAddress.inetSocketAddress(2104, "127.0.0.1");
      for (int round = 0; round < rounds; round++) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          String method = METHODS[i & 3];
          client.callStarted(SERVICE, method);
          client.callEnded(SERVICE, method, address, null, 100_000 + i, 120, 1_500);
          server.callStarted(SERVICE, method);
          server.callEnded(SERVICE, method, null, 80_000 + i, 120, 1_500);
        }
        System.out.printf("round %d: %.0f ns per call, client and server together%n", round,
            (System.nanoTime() - start) / (double) calls);
      }
    } finally {
      vertx.close().await();
    }
  }
}
