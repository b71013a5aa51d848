package io.slacker.cluster.impl;

import io.slacker.cluster.ServerData;
import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.ServerRegistration;
import io.slacker.cluster.ServiceMembers;
import io.slacker.cluster.ServiceWatch;
import io.slacker.cluster.StaticDiscovery;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/** {@link StaticDiscovery}: one lock guards the lists; listeners run on their own contexts. */
public final class StaticDiscoveryImpl implements StaticDiscovery {

  private final Vertx vertx;
  private final Map<String, ServiceEntry> services = new HashMap<>();

  /** One service: its servers by {@code host:port}, election candidates in arrival order, and watchers. */
  private static final class ServiceEntry {
    final TreeMap<String, ServerInstance> servers = new TreeMap<>();
    final Map<SocketAddress, Registration> candidates = new LinkedHashMap<>();
    final List<Watch> watches = new ArrayList<>();
    SocketAddress fixedLeader;
    /** Counts leadership changes: the fencing token of the current term. */
    long term;
  }

  public StaticDiscoveryImpl(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public StaticDiscovery add(String service, ServerInstance server) {
    update(service, entry -> entry.servers.put(ServerAddresses.format(server.address()), server));
    return this;
  }

  @Override
  public StaticDiscovery remove(String service, SocketAddress address) {
    update(service, entry -> entry.servers.remove(ServerAddresses.format(address)));
    return this;
  }

  @Override
  public StaticDiscovery setLeader(String service, SocketAddress leader) {
    update(service, entry -> entry.fixedLeader = leader);
    return this;
  }

  @Override
  public Future<ServiceWatch> watch(String service, Handler<ServiceMembers> listener) {
    NodeNames.requireValid("service", service);
    Watch watch = new Watch(service, vertx.getOrCreateContext(), listener);
    synchronized (this) {
      ServiceEntry entry = entry(service);
      watch.current = snapshot(service, entry);
      entry.watches.add(watch);
    }
    return Future.succeededFuture(watch);
  }

  @Override
  public Future<ServerRegistration> register(SocketAddress address, ServerData data) {
    return Future.succeededFuture(new Registration(address, data, vertx.getOrCreateContext()));
  }

  @Override
  public synchronized Future<Void> close() {
    services.values().forEach(entry -> entry.watches.clear());
    return Future.succeededFuture();
  }

  private void update(String service, Consumer<ServiceEntry> change) {
    List<Runnable> notifications = new ArrayList<>();
    synchronized (this) {
      ServiceEntry entry = entry(service);
      SocketAddress oldLeader = leaderOf(entry);
      Registration oldLeading = oldLeader == null ? null : entry.candidates.get(oldLeader);
      change.accept(entry);
      SocketAddress newLeader = leaderOf(entry);
      if (!Objects.equals(oldLeader, newLeader)) {
        entry.term++;
        Registration newLeading = newLeader == null ? null : entry.candidates.get(newLeader);
        for (Registration registration : new Registration[] {oldLeading, newLeading}) {
          if (registration != null) {
            notifications.add(() -> registration.leadershipChanged(service));
          }
        }
      }
      ServiceMembers members = snapshot(service, entry);
      for (Watch watch : entry.watches) {
        if (!members.equals(watch.current)) {
          watch.current = members;
          notifications.add(() -> watch.context.runOnContext(v -> watch.listener.handle(members)));
        }
      }
    }
    notifications.forEach(Runnable::run);
  }

  private synchronized SocketAddress leader(String service) {
    ServiceEntry entry = services.get(service);
    return entry == null ? null : leaderOf(entry);
  }

  private ServiceEntry entry(String service) {
    return services.computeIfAbsent(service, s -> new ServiceEntry());
  }

  private static ServiceMembers snapshot(String service, ServiceEntry entry) {
    return new ServiceMembers(service, new ArrayList<>(entry.servers.values()), leaderOf(entry));
  }

  private static SocketAddress leaderOf(ServiceEntry entry) {
    if (entry.fixedLeader != null) {
      return entry.fixedLeader;
    }
    return entry.candidates.isEmpty() ? null : entry.candidates.keySet().iterator().next();
  }

  private final class Watch implements ServiceWatch {
    final String service;
    final Context context;
    final Handler<ServiceMembers> listener;
    volatile ServiceMembers current;

    Watch(String service, Context context, Handler<ServiceMembers> listener) {
      this.service = service;
      this.context = context;
      this.listener = listener;
    }

    @Override
    public ServiceMembers current() {
      return current;
    }

    @Override
    public Future<Void> close() {
      synchronized (StaticDiscoveryImpl.this) {
        entry(service).watches.remove(this);
      }
      return Future.succeededFuture();
    }
  }

  private final class Registration implements ServerRegistration {
    final SocketAddress address;
    final Context context;
    final Set<String> published = new LinkedHashSet<>();
    volatile ServerData data;
    volatile Handler<String> leadershipHandler;

    Registration(SocketAddress address, ServerData data, Context context) {
      this.address = address;
      this.data = new ServerData(data);
      this.context = context;
    }

    @Override
    public synchronized Future<Void> publish(String service, boolean electLeader) {
      NodeNames.requireValid("service", service);
      published.add(service);
      update(service, entry -> {
        entry.servers.put(ServerAddresses.format(address), new ServerInstance(address, data));
        if (electLeader) {
          entry.candidates.putIfAbsent(address, this);
        }
      });
      return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> withdraw(String service) {
      if (published.remove(service)) {
        update(service, entry -> {
          entry.servers.remove(ServerAddresses.format(address));
          entry.candidates.remove(address);
        });
      }
      return Future.succeededFuture();
    }

    @Override
    public long leaderTerm(String service) {
      synchronized (StaticDiscoveryImpl.this) {
        ServiceEntry entry = services.get(service);
        return entry != null && address.equals(leaderOf(entry)) ? entry.term : 0;
      }
    }

    @Override
    public ServerRegistration leadershipHandler(Handler<String> handler) {
      this.leadershipHandler = handler;
      return this;
    }

    @Override
    public synchronized Future<Void> updateData(ServerData newData) {
      data = new ServerData(newData);
      for (String service : published) {
        update(service, entry -> entry.servers.put(ServerAddresses.format(address), new ServerInstance(address, data)));
      }
      return Future.succeededFuture();
    }

    @Override
    public ServerData data() {
      return new ServerData(data);
    }

    @Override
    public synchronized Future<Void> close() {
      for (String service : new ArrayList<>(published)) {
        withdraw(service);
      }
      return Future.succeededFuture();
    }

    void leadershipChanged(String service) {
      Handler<String> handler = leadershipHandler;
      if (handler != null) {
        context.runOnContext(v -> handler.handle(service));
      }
    }
  }
}
