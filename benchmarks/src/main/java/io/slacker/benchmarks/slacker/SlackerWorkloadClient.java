package io.slacker.benchmarks.slacker;

import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.benchmarks.harness.Completion;
import io.slacker.benchmarks.harness.OnContext;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadClient;
import io.slacker.benchmarks.model.User;
import io.slacker.benchmarks.workload.Operation;
import io.slacker.benchmarks.tls.TlsEngine;
import io.slacker.benchmarks.workload.Users;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SocketAddress;

/** Calls through Slacker's generated proxy on one multiplexed connection, with the serialization it is given. */
public final class SlackerWorkloadClient implements WorkloadClient {

  private final Vertx vertx;
  /** Every call is made from here, as a verticle would make it. */
  private final Context context;
  private final SlackerClient client;
  private final SlackerUserService service;
  private final String[] emails = new String[Operation.KEY_COUNT];
  private final User[] users = new User[Operation.KEY_COUNT];

  private SlackerWorkloadClient(Vertx vertx, SlackerClient client, SlackerUserService service) {
    this.vertx = vertx;
    this.client = client;
    this.context = vertx.getOrCreateContext();
    this.service = service;
    for (int key = 0; key < Operation.KEY_COUNT; key++) {
      emails[key] = Users.email(key);
      users[key] = Users.user(key);
    }
  }

  /** @param serialization a Slacker serializer name: {@code json}, {@code smile}, {@code cbor} */
  public static SlackerWorkloadClient connect(Settings settings, String serialization) {
    return connect(settings, serialization, TlsEngine.NONE);
  }

  /** @param tls the TLS engine, trusting the runner's CA; {@link TlsEngine#NONE} for plain TCP */
  public static SlackerWorkloadClient connect(Settings settings, String serialization, TlsEngine tls) {
    return connect(settings, serialization, tls, Observation.NONE);
  }

  /** @param observation what the client measures of itself */
  public static SlackerWorkloadClient connect(Settings settings, String serialization, TlsEngine tls,
                                              Observation observation) {
    Vertx vertx = observation.vertx();
    SlackerClientOptions options = new SlackerClientOptions().setSerialization(serialization);
    if (tls != TlsEngine.NONE) {
      options.setSsl(true).setSslEngineOptions(tls.options())
          .setSslOptions(new ClientSSLOptions().setTrustOptions(new PemTrustOptions().addCertPath(settings.get("tlsCa"))));
    }
    SlackerClient client = SlackerClient.create(vertx, options);
    SlackerUserService service = client.proxy(SlackerUserService.class, SocketAddress.inetSocketAddress(settings.getInt("port"), "127.0.0.1"));
    return new SlackerWorkloadClient(vertx, client, service);
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
    future.onComplete(result -> done.complete(result.result(), result.cause()));
  }

  @Override
  public void close() {
    client.close().await();
    vertx.close().await();
  }
}
