package io.slacker.cluster.impl;

import io.slacker.cluster.ServerData;
import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.ServerRegistration;
import io.slacker.cluster.ServiceMembers;
import io.slacker.cluster.ServiceWatch;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.slacker.impl.VerticleScope;
import io.slacker.impl.metrics.RpcMetrics;
import io.slacker.spi.metrics.DiscoveryMetrics;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.SocketAddress;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ZookeeperDiscovery} over a {@link ZookeeperSession}: its own, shared, or someone else's Curator client. */
public final class ZookeeperDiscoveryImpl implements ZookeeperDiscovery {

  private final Vertx vertx;
  private final ZookeeperSession session;
  private final ClusterPaths paths;
  /** The service sets this discovery's watches read, each cached once. */
  private final ServiceSetCaches setCaches;
  private final NodeAccess access;
  private final ConnectionStates connection;
  private final Set<ServiceWatch> watches = ConcurrentHashMap.newKeySet();
  private final Set<ServerRegistration> registrations = ConcurrentHashMap.newKeySet();
  /** Undeploying the verticle that created the discovery closes it. */
  private final VerticleScope scope;
  private Future<Void> closed;
  /** Where members and the ZooKeeper connection are measured; {@code null} when nothing is. */
  private final DiscoveryMetrics metrics;
  private final ConnectionStateListener connectionGauge;

  public ZookeeperDiscoveryImpl(Vertx vertx, CuratorFramework shared, ZookeeperDiscoveryOptions options) {
    if (shared != null && options.hasAcls()) {
      throw new IllegalArgumentException("the ACL options (digestUser, digestPassword, sasl, readers, writers) configure"
          + " the discovery's own Curator client; build the given one with ZookeeperDiscovery.aclProvider(options)"
          + " and its own authorization instead, and leave them unset here");
    }
    this.vertx = vertx;
    this.session = shared != null ? ZookeeperSession.external(shared) : ZookeeperSession.of(vertx, options);
    this.paths = new ClusterPaths(options.getRootPath(), options.getCluster());
    this.setCaches = new ServiceSetCaches(session.curator(), paths);
    this.access = new NodeAccess(session.curator(), NodeAccess.identity(options, shared == null), session::authFailed);
    this.connection = new ConnectionStates(session.curator());
    connection.start();
    this.scope = VerticleScope.of(this::close);
    this.metrics = RpcMetrics.discovery(vertx);
    this.connectionGauge = metrics == null ? null : (client, state) -> metrics.connected(state.isConnected());
    if (connectionGauge != null) {
      session.curator().getConnectionStateListenable().addListener(connectionGauge);
      metrics.connected(session.curator().getZookeeperClient().isConnected());
    }
  }

  /** @return the ACLs of Slacker's nodes as {@code options} ask for them, for a Curator client built by the application */
  public static ACLProvider aclProvider(ZookeeperDiscoveryOptions options) {
    return NodeAcls.of(options);
  }

  @Override
  public CuratorFramework curator() {
    return session.curator();
  }

  @Override
  public Future<Void> connect() {
    return session.started((ContextInternal) vertx.getOrCreateContext());
  }

  @Override
  public boolean isConnected() {
    ConnectionState state = connection.state();
    return state != null && state.isConnected();
  }

  @Override
  public ConnectionState connectionState() {
    return connection.state();
  }

  @Override
  public long sessionId() {
    return connection.sessionId();
  }

  @Override
  public ZookeeperDiscovery connectionStateHandler(Handler<ConnectionState> handler) {
    connection.handler(vertx.getOrCreateContext(), handler);
    return this;
  }

  @Override
  public Future<ServiceWatch> watch(String service, Handler<ServiceMembers> listener) {
    NodeNames.requireValid("service", service);
    ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
    Handler<ServiceMembers> measured = metrics == null ? listener : members -> {
      metrics.members(service, members.servers().size());
      listener.handle(members);
    };
    return session.started(context)
        .compose(v -> ZookeeperServiceWatch.start(context, session.curator(), access, paths, setCaches, service, measured))
        .map(watch -> {
          ServiceWatch tracked = new TrackedWatch(watch);
          watches.add(tracked);
          if (metrics != null) {
            metrics.members(service, watch.current().servers().size());
          }
          return tracked;
        });
  }

  @Override
  public Future<List<String>> services() {
    return listing().compose(ClusterListing::services);
  }

  @Override
  public Future<List<ServerInstance>> registeredServers() {
    return listing().compose(ClusterListing::servers);
  }

  private Future<ClusterListing> listing() {
    ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
    return session.started(context).map(v -> new ClusterListing(context, session.curator(), paths));
  }

  @Override
  public Future<ServerRegistration> register(SocketAddress address, ServerData data) {
    ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
    ServerData published = new ServerData(data);
    if (published.getStartTime() == 0) {
      published.setStartTime(System.currentTimeMillis());
    }
    if (published.getIncarnation() == null) {
      published.setIncarnation(UUID.randomUUID().toString());
    }
    return session.started(context)
        .compose(v -> SharedServerRegistrations.register(context, session.curator(), access, paths, address, published))
        .onSuccess(registrations::add);
  }

  /** Closes this discovery's watches and registrations, then its use of the session; once. */
  @Override
  public synchronized Future<Void> close() {
    if (closed == null) {
      scope.release();
      ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
      List<Future<Void>> closing = new ArrayList<>();
      watches.forEach(w -> closing.add(w.close()));
      registrations.forEach(r -> closing.add(r.close()));
      registrations.clear();
      connection.stop();
      if (connectionGauge != null) {
        session.curator().getConnectionStateListenable().removeListener(connectionGauge);
      }
      closed = Future.join(closing).otherwiseEmpty().compose(v -> session.release(context)).andThen(v -> {
        if (metrics != null) {
          metrics.close();
        }
      });
    }
    return closed;
  }

  /** Forgets a watch once it is closed, so that {@link #close()} closes only live ones. */
  private final class TrackedWatch implements ServiceWatch {
    private final ServiceWatch watch;

    TrackedWatch(ServiceWatch watch) {
      this.watch = watch;
    }

    @Override
    public ServiceMembers current() {
      return watch.current();
    }

    @Override
    public Future<Void> close() {
      watches.remove(this);
      return watch.close();
    }
  }
}
