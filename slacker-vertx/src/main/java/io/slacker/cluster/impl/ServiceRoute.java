package io.slacker.cluster.impl;

import io.slacker.cluster.ServerData;
import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.ServiceMembers;
import io.slacker.cluster.ServiceWatch;
import io.slacker.spi.LoadBalancer;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.logging.Logger;
import io.vertx.core.internal.logging.LoggerFactory;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What one client knows of one service: the watched members, after empty-provider protection,
 * their endpoints, and a balancer selector cached until the members or the ejections change.
 */
final class ServiceRoute {

  private static final Logger log = LoggerFactory.getLogger(ServiceRoute.class);

  private final String service;
  private final Vertx vertx;
  private final LoadBalancer balancer;
  private final Ejections ejections;
  private final long emptyProtectionMillis;
  private final Consumer<SocketAddress> onRejoin;
  private final Future<ServiceWatch> watch;
  private final Map<SocketAddress, Endpoint> endpoints = new ConcurrentHashMap<>();
  private volatile ServiceMembers members;
  private volatile CachedSelector cached;
  private long emptyTimer = -1;

  private record CachedSelector(ServiceMembers members, long ejectionVersion, List<Endpoint> available,
                                LoadBalancer.Selector selector) {
  }

  ServiceRoute(String service, Vertx vertx, ServiceDiscovery discovery, LoadBalancer balancer, Ejections ejections,
               long emptyProtectionMillis, Consumer<SocketAddress> onRejoin) {
    this.service = service;
    this.vertx = vertx;
    this.balancer = balancer;
    this.ejections = ejections;
    this.emptyProtectionMillis = emptyProtectionMillis;
    this.onRejoin = onRejoin;
    this.members = ServiceMembers.empty(service);
    this.watch = discovery.watch(service, this::onUpdate).onSuccess(w -> accept(w.current()));
  }

  String service() {
    return service;
  }

  /** @return completes once discovery has given the first snapshot */
  Future<ServiceWatch> ready() {
    return watch;
  }

  ServiceMembers members() {
    return members;
  }

  boolean lists(SocketAddress server) {
    return endpoints.containsKey(server);
  }

  /** @return the endpoint of {@code server}, made for it if discovery does not list it (a leader or explicit target) */
  Endpoint endpoint(SocketAddress server) {
    return endpoints.computeIfAbsent(server, s -> new Endpoint(new ServerInstance(s, new ServerData())));
  }

  /** @return the servers in rotation: listed and not ejected */
  List<Endpoint> available() {
    return current().available();
  }

  /** Picks among the servers in rotation minus {@code tried}; {@code null} when none is left. */
  Endpoint select(String hashKey, Set<SocketAddress> tried) {
    CachedSelector current = current();
    if (tried.isEmpty()) {
      return current.available().isEmpty() ? null : (Endpoint) current.selector().select(hashKey);
    }
    List<Endpoint> rest = new ArrayList<>();
    for (Endpoint e : current.available()) {
      if (!tried.contains(e.server().address())) {
        rest.add(e);
      }
    }
    return rest.isEmpty() ? null : (Endpoint) balancer.selector(rest).select(hashKey);
  }

  private CachedSelector current() {
    CachedSelector c = cached;
    ServiceMembers m = members;
    long version = ejections.version();
    if (c != null && c.members() == m && c.ejectionVersion() == version) {
      return c;
    }
    List<Endpoint> available = new ArrayList<>();
    for (ServerInstance server : m.servers()) {
      if (!ejections.isEjected(server.address())) {
        available.add(endpoints.get(server.address()));
      }
    }
    c = new CachedSelector(m, version, available, available.isEmpty() ? null : balancer.selector(available));
    cached = c;
    return c;
  }

  /** Runs on the watch's context. */
  private void onUpdate(ServiceMembers update) {
    if (update.isEmpty() && !members.isEmpty() && emptyProtectionMillis > 0) {
      if (emptyTimer < 0) {
        log.warn("Discovery lists no server of '" + service + "' any more; keeping the " + members.servers().size()
            + " last known for up to " + emptyProtectionMillis + " ms in case the update is wrong");
        emptyTimer = vertx.setTimer(emptyProtectionMillis, id -> {
          emptyTimer = -1;
          watch.onSuccess(w -> accept(w.current()));
        });
      }
      return;
    }
    if (emptyTimer >= 0) {
      vertx.cancelTimer(emptyTimer);
      emptyTimer = -1;
    }
    accept(update);
  }

  private void accept(ServiceMembers update) {
    Set<SocketAddress> previous = new HashSet<>();
    members.servers().forEach(s -> previous.add(s.address()));
    for (ServerInstance server : update.servers()) {
      Endpoint endpoint = endpoints.get(server.address());
      if (endpoint == null) {
        endpoints.put(server.address(), new Endpoint(server));
      } else {
        endpoint.update(server);
      }
      if (!previous.contains(server.address())) {
        onRejoin.accept(server.address());
      }
    }
    Set<SocketAddress> listed = new HashSet<>();
    update.servers().forEach(s -> listed.add(s.address()));
    endpoints.keySet().removeIf(address -> !listed.contains(address) && endpoints.get(address).inFlight() == 0);
    members = update;
  }

  Future<Void> close() {
    return watch.transform(ar -> ar.succeeded() ? ar.result().close() : Future.succeededFuture());
  }
}
