package io.slacker.cluster.impl;

import io.slacker.cluster.ServerData;
import io.slacker.cluster.ServerRegistration;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.SocketAddress;
import org.apache.curator.framework.CuratorFramework;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * This process's server registrations in ZooKeeper, one per address. The instances of a server
 * verticle listen on one port: through one session they publish that address once and share it,
 * each service stays published while one of them publishes it, and the last to close withdraws
 * it. Leader election is per address, not per instance. A server on another session cannot
 * publish an address this process already publishes: it fails at once, instead of two sessions
 * fighting over one ephemeral node.
 */
final class SharedServerRegistrations {

  private static final Map<String, Shared> BY_NODE = new HashMap<>();

  private SharedServerRegistrations() {
  }

  static Future<ServerRegistration> register(ContextInternal context, CuratorFramework curator, NodeAccess access,
                                             ClusterPaths paths, SocketAddress address, ServerData data) {
    String node = curator.getZookeeperClient().getCurrentConnectionString() + paths.server(address);
    Shared shared;
    synchronized (BY_NODE) {
      shared = BY_NODE.get(node);
      if (shared != null && shared.curator != curator) {
        return context.failedFuture(new IllegalStateException(ServerAddresses.format(address)
            + " is already published by another server of this process, on another ZooKeeper session; the instances"
            + " of one server verticle share an address when their discovery is created with setShared(true)"));
      }
      if (shared == null) {
        shared = new Shared(node, curator, ZookeeperServerRegistration.start(context, curator, access, paths, address, data));
        BY_NODE.put(node, shared);
      }
      shared.holders++;
    }
    Shared registered = shared;
    return registered.registration
        .map(reg -> (ServerRegistration) new Holder(registered, reg, context))
        .recover(failure -> registered.release().transform(ignored -> context.failedFuture(failure)));
  }

  /** One address's registration and who holds it. Guarded by {@link #BY_NODE}. */
  private static final class Shared {
    final String node;
    final CuratorFramework curator;
    final Future<ServerRegistration> registration;
    final Map<String, Integer> publishers = new HashMap<>();
    final Map<String, Future<Void>> publishing = new HashMap<>();
    final List<Holder> holdersList = new CopyOnWriteArrayList<>();
    int holders;

    Shared(String node, CuratorFramework curator, Future<ServerRegistration> registration) {
      this.node = node;
      this.curator = curator;
      this.registration = registration.onSuccess(reg -> reg.leadershipHandler(service -> holdersList.forEach(
          holder -> holder.onLeadership(service))));
    }

    /** One holder is gone; the last withdraws the address. */
    Future<Void> release() {
      boolean last;
      synchronized (BY_NODE) {
        last = --holders == 0;
        if (last) {
          BY_NODE.remove(node);
        }
      }
      return last ? registration.transform(ar -> ar.succeeded() ? ar.result().close() : Future.succeededFuture())
          : Future.succeededFuture();
    }
  }

  /** What one server sees of the shared registration: it publishes and withdraws only for itself. */
  private static final class Holder implements ServerRegistration {
    private final Shared shared;
    private final ServerRegistration registration;
    private final ContextInternal context;
    private final Set<String> published = new LinkedHashSet<>();
    private volatile Handler<String> leadershipHandler;
    private boolean closed;

    Holder(Shared shared, ServerRegistration registration, ContextInternal context) {
      this.shared = shared;
      this.registration = registration;
      this.context = context;
      shared.holdersList.add(this);
    }

    @Override
    public Future<Void> publish(String service, boolean electLeader) {
      synchronized (BY_NODE) {
        if (closed || !published.add(service)) {
          return context.succeededFuture();
        }
        if (shared.publishers.merge(service, 1, Integer::sum) == 1) {
          shared.publishing.put(service, registration.publish(service, electLeader));
        }
        return shared.publishing.get(service);
      }
    }

    @Override
    public Future<Void> withdraw(String service) {
      synchronized (BY_NODE) {
        if (!published.remove(service)) {
          return context.succeededFuture();
        }
        if (shared.publishers.merge(service, -1, Integer::sum) > 0) {
          return context.succeededFuture();
        }
        shared.publishers.remove(service);
        shared.publishing.remove(service);
      }
      return registration.withdraw(service);
    }

    @Override
    public long leaderTerm(String service) {
      return registration.leaderTerm(service);
    }

    @Override
    public ServerRegistration leadershipHandler(Handler<String> handler) {
      this.leadershipHandler = handler;
      return this;
    }

    void onLeadership(String service) {
      Handler<String> handler = leadershipHandler;
      if (handler != null) {
        context.runOnContext(v -> handler.handle(service));
      }
    }

    @Override
    public Future<Void> updateData(ServerData data) {
      return registration.updateData(data);
    }

    @Override
    public ServerData data() {
      return registration.data();
    }

    @Override
    public Future<Void> close() {
      List<String> services;
      synchronized (BY_NODE) {
        if (closed) {
          return context.succeededFuture();
        }
        closed = true;
        // The last holder's release removes the whole registration: one write, not one per service first.
        services = shared.holders == 1 ? List.of() : List.copyOf(published);
      }
      shared.holdersList.remove(this);
      return Future.join(services.stream().map(this::withdraw).toList())
          .transform(ignored -> shared.release());
    }
  }
}
