package io.slacker.impl.server;

import io.slacker.ServiceDefinition;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.admin.ServerDescription;
import io.slacker.admin.ServiceDescription;
import io.slacker.cluster.ServerData;
import io.slacker.cluster.impl.ServerPublisher;
import io.slacker.impl.SlackerVersion;
import io.slacker.impl.admin.AdminService;
import io.slacker.impl.admin.ServiceDescriber;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a server answers on the built-in {@code slacker.Server} service: its description, and the
 * admin operations over its membership in discovery and its life. Who may call them is decided
 * before they run ({@code AccessControl}); failures here are the caller's mistakes, told with
 * application codes.
 */
final class ServerAdminService {

  private final SlackerServerImpl server;
  private final ServiceRegistry registry;
  /** {@code null} for a server outside discovery. */
  private final ServerPublisher publisher;
  private final ServiceDescriber describer = new ServiceDescriber();
  private final long startTime = System.currentTimeMillis();

  private ServerAdminService(SlackerServerImpl server, ServiceRegistry registry, ServerPublisher publisher) {
    this.server = server;
    this.registry = registry;
    this.publisher = publisher;
  }

  static ServiceDefinition definition(SlackerServerImpl server, ServiceRegistry registry, ServerPublisher publisher) {
    ServerAdminService admin = new ServerAdminService(server, registry, publisher);
    return ServiceDefinition.builder(AdminService.DESCRIBE.serviceName())
        .method(AdminService.DESCRIBE, args -> Future.succeededFuture(admin.describe().toJson()))
        .method(AdminService.OFFLINE, args -> admin.offline((String) args[0]))
        .method(AdminService.ONLINE, args -> admin.online((String) args[0]))
        .method(AdminService.DATA, args -> Future.succeededFuture(admin.membership().data().toJson()))
        .method(AdminService.UPDATE_DATA, args -> admin.updateData((JsonObject) args[0]))
        .method(AdminService.SHUTDOWN, args -> admin.shutdown((Long) args[0]))
        .build();
  }

  private ServerDescription describe() {
    List<ServiceDescription> services = new ArrayList<>();
    for (ServiceDefinition service : registry.services()) {
      ServiceDescription description = describer.describe(service);
      if (publisher != null && !AdminService.DESCRIBE.serviceName().equals(service.name())) {
        description.setOnline(publisher.isOnline(service.name())).setLeader(publisher.isLeader(service.name()));
      }
      services.add(description);
    }
    return new ServerDescription()
        .setVersion(SlackerVersion.get())
        .setStartTime(startTime)
        .setUptimeMillis(System.currentTimeMillis() - startTime)
        .setOnline(publisher == null ? null : publisher.isOnline())
        .setData(publisher == null ? null : publisher.data())
        .setServices(services)
        .setClients(server.connections().describe());
  }

  private Future<Void> offline(String service) {
    return service == null ? membership().offline() : membership().offline(registered(service));
  }

  private Future<Void> online(String service) {
    return service == null ? membership().online() : membership().online(registered(service));
  }

  private Future<JsonObject> updateData(JsonObject json) {
    if (json == null) {
      throw new SlackerException(StatusCode.INVALID_ARGUMENT, "give the server data to publish, not null");
    }
    ServerData data;
    try {
      data = new ServerData(json);
    } catch (IllegalArgumentException e) {
      throw new SlackerException(StatusCode.INVALID_ARGUMENT, e.getMessage());
    }
    return membership().updateData(data).map(v -> membership().data().toJson());
  }

  /** Answers first: the shutdown starts on the next turn, once this call's answer is on its way. */
  private Future<Void> shutdown(long timeoutMillis) {
    if (timeoutMillis < 0) {
      throw new SlackerException(StatusCode.INVALID_ARGUMENT, "timeoutMillis must not be negative, got " + timeoutMillis);
    }
    server.vertx().runOnContext(v -> server.shutdown(timeoutMillis, TimeUnit.MILLISECONDS));
    return Future.succeededFuture();
  }

  private ServerPublisher membership() {
    if (publisher == null) {
      throw new SlackerException(StatusCode.FAILED_PRECONDITION,
          "this server is not in discovery: it has no rotation to leave or join, and no server data");
    }
    return publisher;
  }

  private String registered(String service) {
    if (registry.service(service) == null || AdminService.DESCRIBE.serviceName().equals(service)) {
      throw new SlackerException(StatusCode.ENTITY_NOT_FOUND, "this server runs no service '" + service + "'");
    }
    return service;
  }
}
