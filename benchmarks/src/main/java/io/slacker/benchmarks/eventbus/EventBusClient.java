package io.slacker.benchmarks.eventbus;

import io.slacker.benchmarks.harness.Completion;
import io.slacker.benchmarks.harness.OnContext;
import io.slacker.benchmarks.harness.FreePort;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadClient;
import io.slacker.benchmarks.model.Page;
import io.slacker.benchmarks.model.User;
import io.slacker.benchmarks.workload.Operation;
import io.slacker.benchmarks.workload.Users;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.serviceproxy.ServiceProxyBuilder;

import java.util.concurrent.TimeUnit;

/** A second clustered Vert.x node calling the service through the generated event-bus proxy. */
public final class EventBusClient implements WorkloadClient {

  private final Vertx vertx;
  /** Every call is made from here, as a verticle would make it. */
  private final Context context;
  private final EventBusUserService service;
  private final String[] emails = new String[Operation.KEY_COUNT];
  private final User[] users = new User[Operation.KEY_COUNT];

  private EventBusClient(Vertx vertx) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.service = new ServiceProxyBuilder(vertx).setAddress(EventBusUserService.ADDRESS).build(EventBusUserService.class);
    for (int key = 0; key < Operation.KEY_COUNT; key++) {
      emails[key] = Users.email(key);
      users[key] = Users.user(key);
    }
  }

  public static EventBusClient connect(Settings settings) throws Exception {
    EventBusClient client = new EventBusClient(ClusteredVertx.join(settings.get("zookeeper"), FreePort.find()));
    // the first call also proves this node already sees the server's registration
    client.service.existUser(Users.email(0)).await(30, TimeUnit.SECONDS);
    return client;
  }

  @Override
  public void call(Operation operation, int key, Completion done) {
    OnContext.run(context, () -> invoke(operation, key, done));
  }

  private void invoke(Operation operation, int key, Completion done) {
    Future<?> future;
    switch (operation) {
      case EXIST_USER:
        future = service.existUser(emails[key]);
        break;
      case CREATE_USER:
        future = service.createUser(users[key].toJson());
        break;
      case GET_USER:
        future = service.getUser(key).map(User::new);
        break;
      case LIST_USER:
        future = service.listUser(key).map(Page::new);
        break;
      default:
        throw new AssertionError(operation);
    }
    future.onComplete(result -> done.complete(result.result(), result.cause()));
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }
}
