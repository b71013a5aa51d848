package io.slacker.web.impl;

import io.slacker.NotSentException;
import io.slacker.SlackerClient;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.admin.ServerDescription;
import io.slacker.admin.ServiceDescription;
import io.slacker.admin.SlackerAdmin;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The servers' descriptions of their services, asked once per server and reused for a while.
 * Requests that need a description while it is being asked share the one answer. A gateway
 * belongs to one verticle; the map is concurrent so that one shared by several stays correct.
 */
final class ServiceDescriptions {

  private final SlackerClient client;
  private final SlackerAdmin admin;
  private final SocketAddress fixedServer;
  private final long cacheNanos;
  private final Map<SocketAddress, Cached> byServer = new ConcurrentHashMap<>();

  /** @param fixedServer the server of every call, or {@code null} to find the servers of a service through the client's discovery */
  ServiceDescriptions(SlackerClient client, SocketAddress fixedServer, long cacheMillis) {
    this.client = client;
    this.admin = SlackerAdmin.create(client);
    this.fixedServer = fixedServer;
    this.cacheNanos = cacheMillis * 1_000_000;
  }

  /** @return the description of {@code service} by one of its servers; NOT_FOUND when that server does not run it */
  Future<ServiceDescription> service(String service) {
    return serverOf(service).compose(server -> resumedApart(describe(server))).compose(server -> {
      ServiceDescription description = server.service(service);
      return description != null
          ? Future.succeededFuture(description)
          : Future.failedFuture(new SlackerException(StatusCode.NOT_FOUND, "no service '" + service + "' on the server"));
    });
  }

  /** @return what {@code server} says of itself */
  Future<ServerDescription> describe(SocketAddress server) {
    if (cacheNanos == 0) {
      return admin.describe(server);
    }
    long now = System.nanoTime();
    Cached cached = byServer.get(server);
    if (cached != null && now - cached.askedAt < cacheNanos) {
      return cached.description;
    }
    // Two threads sharing a gateway may both ask here; that costs one describe more, nothing else.
    Cached asked = new Cached(admin.describe(server), now);
    byServer.put(server, asked);
    // A failed answer is not kept: the next request asks again.
    asked.description.onFailure(failure -> byServer.remove(server, asked));
    return asked.description;
  }

  /**
   * Each request waiting for a describe resumes in a task of its own: the hundreds that can wait
   * for one answer would otherwise all run their calls in the one task that completes it.
   */
  private static <T> Future<T> resumedApart(Future<T> answer) {
    Context context = Vertx.currentContext();
    if (answer.isComplete() || context == null) {
      return answer;
    }
    Promise<T> resumed = Promise.promise();
    answer.onComplete(result -> context.runOnContext(v -> resumed.handle(result)));
    return resumed.future();
  }

  private Future<SocketAddress> serverOf(String service) {
    if (fixedServer != null) {
      return Future.succeededFuture(fixedServer);
    }
    return client.servers(service).compose(servers -> servers.isEmpty()
        ? Future.failedFuture(new NotSentException(StatusCode.UNAVAILABLE,
            "no server of '" + service + "' is in rotation", true, null))
        : Future.succeededFuture(servers.get(0).address()));
  }

  private record Cached(Future<ServerDescription> description, long askedAt) {
  }
}
