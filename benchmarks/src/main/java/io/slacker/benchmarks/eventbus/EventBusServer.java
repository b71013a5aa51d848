package io.slacker.benchmarks.eventbus;

import io.slacker.benchmarks.harness.FreePort;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadServer;
import io.vertx.core.Vertx;
import io.vertx.serviceproxy.ServiceBinder;

import java.util.concurrent.TimeUnit;

/** A clustered Vert.x node serving the workload with vertx-service-proxy. */
public final class EventBusServer implements WorkloadServer {

  private Vertx vertx;

  @Override
  public int start(Settings settings) throws Exception {
    int port = FreePort.find();
    vertx = ClusteredVertx.join(settings.get("zookeeper"), port);
    // the registration completes once the cluster knows the address, so the client finds it at once
    new ServiceBinder(vertx)
        .setAddress(EventBusUserService.ADDRESS)
        .register(EventBusUserService.class, new EventBusUserServiceImpl())
        .completion()
        .await(30, TimeUnit.SECONDS);
    return port;
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }
}
