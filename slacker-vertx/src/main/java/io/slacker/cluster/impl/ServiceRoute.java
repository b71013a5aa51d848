package io.slacker.cluster.impl;

import io.slacker.cluster.ServerData;
import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.ServiceMembers;
import io.slacker.cluster.ServiceWatch;
import io.slacker.spi.LoadBalancer;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What one client knows of one service: the watched members, after empty-provider protection,
 * their endpoints, and a balancer selector cached until the members or the ejections change.
 *
 * <p>The watch, its updates and the empty-provider timer run on the router's context. Callers on
 * any thread read only {@link Listing}s, which are immutable: one update replaces the members and
 * their endpoints together, so no reader sees one without the other.
 */
final class ServiceRoute {

  private static final Logger log = LoggerFactory.getLogger(ServiceRoute.class);

  private final String service;
  private final Vertx vertx;
  private final ContextInternal context;
  private final LoadBalancer balancer;
  private final Ejections ejections;
  private final long emptyProtectionMillis;
  private final Consumer<SocketAddress> onRejoin;
  private final Future<ServiceWatch> watch;
  private volatile Listing listing;
  private volatile CachedSelector cached;
  private long emptyTimer = -1;

  /** The members in use and an endpoint for each of their servers. */
  private record Listing(ServiceMembers members, Map<SocketAddress, Endpoint> endpoints) {
  }

  private record CachedSelector(Listing listing, long ejectionVersion, List<Endpoint> available,
                                LoadBalancer.Selector selector) {
  }

  ServiceRoute(String service, Vertx vertx, ContextInternal context, ServiceDiscovery discovery, LoadBalancer balancer,
               Ejections ejections, long emptyProtectionMillis, Consumer<SocketAddress> onRejoin) {
    this.service = service;
    this.vertx = vertx;
    this.context = context;
    this.balancer = balancer;
    this.ejections = ejections;
    this.emptyProtectionMillis = emptyProtectionMillis;
    this.onRejoin = onRejoin;
    this.listing = new Listing(ServiceMembers.empty(service), Map.of());
    // Started on the router's context, so that the watch belongs to it and not to the first caller.
    Promise<ServiceWatch> started = context.promise();
    context.emit(v -> discovery.watch(service, this::onUpdate).onComplete(started));
    this.watch = started.future().onSuccess(w -> accept(w.current()));
  }

  String service() {
    return service;
  }

  /** @return completes once discovery has given the first snapshot */
  Future<ServiceWatch> ready() {
    return watch;
  }

  ServiceMembers members() {
    return listing.members();
  }

  /** @return what {@code server} published, or {@code null} when discovery does not list it for this service */
  ServerData listedData(SocketAddress server) {
    Endpoint listed = listing.endpoints().get(server);
    return listed == null ? null : listed.server().data();
  }

  /** @return the endpoint of {@code server}, or a fresh one if discovery does not list it (a leader or explicit target) */
  Endpoint endpoint(SocketAddress server) {
    Endpoint listed = listing.endpoints().get(server);
    return listed != null ? listed : new Endpoint(new ServerInstance(server, new ServerData()));
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
    Listing l = listing;
    long version = ejections.version();
    if (c != null && c.listing() == l && c.ejectionVersion() == version) {
      return c;
    }
    List<Endpoint> available = new ArrayList<>();
    for (ServerInstance server : l.members().servers()) {
      if (!ejections.isEjected(server.address())) {
        available.add(l.endpoints().get(server.address()));
      }
    }
    c = new CachedSelector(l, version, available, available.isEmpty() ? null : balancer.selector(available));
    cached = c;
    return c;
  }

  /** Whether an update was accepted yet: the first is logged as a whole, later ones by their changes. */
  private boolean listed;

  /** Runs on the router's context. */
  private void onUpdate(ServiceMembers update) {
    ServiceMembers members = listing.members();
    if (update.isEmpty() && !members.isEmpty() && emptyProtectionMillis > 0) {
      if (emptyTimer < 0) {
        log.warn("Discovery lists no server of '" + service + "' any more; keeping the " + members.servers().size()
            + " last known for up to " + emptyProtectionMillis + " ms in case the update is wrong");
        emptyTimer = context.setTimer(emptyProtectionMillis, id -> {
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

  /** Runs on the router's context. Servers no longer listed are dropped at once; their calls in flight keep their endpoint. */
  private void accept(ServiceMembers update) {
    Map<SocketAddress, Endpoint> previous = listing.endpoints();
    Map<SocketAddress, Endpoint> endpoints = new HashMap<>();
    for (ServerInstance server : update.servers()) {
      Endpoint endpoint = previous.get(server.address());
      if (endpoint == null) {
        endpoint = new Endpoint(server);
        onRejoin.accept(server.address());
        if (listed) {
          log.info("Service '{}': {} joined", service, ServerAddresses.format(server.address()));
        }
      } else {
        endpoint.update(server);
      }
      endpoints.put(server.address(), endpoint);
    }
    for (SocketAddress gone : previous.keySet()) {
      if (!endpoints.containsKey(gone)) {
        log.info("Service '{}': {} left", service, ServerAddresses.format(gone));
      }
    }
    SocketAddress leader = update.leader();
    if (!listed) {
      log.info("Service '{}': {} in rotation{}", service, update.servers(),
          leader == null ? "" : ", " + ServerAddresses.format(leader) + " leads");
    } else if (leader != null && !leader.equals(listing.members().leader())) {
      log.info("Service '{}': {} leads", service, ServerAddresses.format(leader));
    }
    listed = true;
    listing = new Listing(update, Map.copyOf(endpoints));
  }

  Future<Void> close() {
    return watch.transform(ar -> ar.succeeded() ? ar.result().close() : Future.succeededFuture());
  }
}
