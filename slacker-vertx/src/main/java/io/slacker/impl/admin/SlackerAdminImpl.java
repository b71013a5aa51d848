package io.slacker.impl.admin;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.admin.ServerDescription;
import io.slacker.admin.SlackerAdmin;
import io.slacker.cluster.ServerData;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;

import java.util.concurrent.TimeUnit;

/** {@link SlackerAdmin} as calls to the built-in service's descriptors, each to the server named. */
public final class SlackerAdminImpl implements SlackerAdmin {

  private final SlackerClient client;

  public SlackerAdminImpl(SlackerClient client) {
    this.client = client;
  }

  @Override
  public Future<ServerDescription> describe(SocketAddress server) {
    return this.<JsonObject>call(server, AdminService.DESCRIBE).map(ServerDescription::new);
  }

  @Override
  public Future<Void> offline(SocketAddress server) {
    return call(server, AdminService.OFFLINE, (Object) null);
  }

  @Override
  public Future<Void> offline(SocketAddress server, String service) {
    return service == null || service.isEmpty() ? noService() : call(server, AdminService.OFFLINE, service);
  }

  @Override
  public Future<Void> online(SocketAddress server) {
    return call(server, AdminService.ONLINE, (Object) null);
  }

  @Override
  public Future<Void> online(SocketAddress server, String service) {
    return service == null || service.isEmpty() ? noService() : call(server, AdminService.ONLINE, service);
  }

  @Override
  public Future<ServerData> data(SocketAddress server) {
    return this.<JsonObject>call(server, AdminService.DATA).map(ServerData::new);
  }

  @Override
  public Future<ServerData> updateData(SocketAddress server, ServerData data) {
    return this.<JsonObject>call(server, AdminService.UPDATE_DATA, data.toJson()).map(ServerData::new);
  }

  @Override
  public Future<Void> shutdown(SocketAddress server, long timeout, TimeUnit unit) {
    return call(server, AdminService.SHUTDOWN, unit.toMillis(timeout));
  }

  private <T> Future<T> call(SocketAddress server, io.slacker.MethodDescriptor method, Object... args) {
    if (server == null) {
      return Future.failedFuture(new IllegalArgumentException("name the server to ask"));
    }
    return client.call(method, args, new CallOptions().setServer(server));
  }

  /** A failed future rather than a throw, as every other refusal of this API. */
  private static Future<Void> noService() {
    return Future.failedFuture(new IllegalArgumentException(
        "name the service, or call the overload without one for the whole server"));
  }
}
