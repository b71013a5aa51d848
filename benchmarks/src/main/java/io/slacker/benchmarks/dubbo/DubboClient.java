package io.slacker.benchmarks.dubbo;

import io.slacker.benchmarks.harness.Completion;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadClient;
import io.slacker.benchmarks.model.User;
import io.slacker.benchmarks.workload.Operation;
import io.slacker.benchmarks.workload.Users;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;

import java.util.concurrent.CompletableFuture;

/** A Dubbo 3 consumer calling the provider's direct URL, asynchronously through its future-returning interface. */
public final class DubboClient implements WorkloadClient {

  private final DubboBootstrap bootstrap;
  private final DubboUserService service;
  private final String[] emails = new String[Operation.KEY_COUNT];
  private final User[] users = new User[Operation.KEY_COUNT];

  private DubboClient(DubboBootstrap bootstrap, DubboUserService service) {
    this.bootstrap = bootstrap;
    this.service = service;
    for (int key = 0; key < Operation.KEY_COUNT; key++) {
      emails[key] = Users.email(key);
      users[key] = Users.user(key);
    }
  }

  public static DubboClient connect(Settings settings) {
    ApplicationConfig application = new ApplicationConfig("slacker-benchmarks-dubbo-client");
    application.setQosEnable(false);
    ReferenceConfig<DubboUserService> reference = new ReferenceConfig<>();
    reference.setInterface(DubboUserService.class);
    reference.setUrl("dubbo://127.0.0.1:" + settings.getInt("port"));
    reference.setTimeout(10_000);
    DubboBootstrap bootstrap = DubboBootstrap.newInstance().application(application).reference(reference).start();
    return new DubboClient(bootstrap, reference.get());
  }

  @Override
  public void call(Operation operation, int key, Completion done) {
    CompletableFuture<?> future;
    switch (operation) {
      case EXIST_USER:
        future = service.existUser(emails[key]);
        break;
      case CREATE_USER:
        future = service.createUser(users[key]);
        break;
      case GET_USER:
        future = service.getUser(key);
        break;
      case LIST_USER:
        future = service.listUser(key);
        break;
      default:
        throw new AssertionError(operation);
    }
    future.whenComplete(done::complete);
  }

  @Override
  public void close() {
    bootstrap.stop();
  }
}
