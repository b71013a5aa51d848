package io.slacker.cluster.impl;

import io.slacker.cluster.ClusterServerOptions;
import io.slacker.cluster.ServerData;
import io.slacker.cluster.ServerMembership;
import io.slacker.cluster.ServerRegistration;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes a server and its services in discovery and keeps them in step with the server's
 * online/offline state. Before the server listens, online/offline only record what to publish.
 */
public final class ServerPublisher implements ServerMembership {

  private static final Logger log = LoggerFactory.getLogger(ServerPublisher.class);

  private final ServiceDiscovery discovery;
  private final ClusterServerOptions options;
  private final Set<String> services = new LinkedHashSet<>();
  private final Set<String> offlineServices = new LinkedHashSet<>();
  /** Services that stand for election: named in the options, or declared {@code @LeaderRouted}. */
  private final Set<String> elected = ConcurrentHashMap.newKeySet();
  private boolean serverOffline;
  /** Set by {@link #withdraw()}: a registration still in flight then is closed as soon as it lands. */
  private boolean withdrawn;
  private ServerRegistration registration;
  /** Where the server registered, once it has. */
  private volatile SocketAddress address;
  private ServerData data;
  private Handler<String> leadershipHandler;
  /** Whether the server speaks only TLS: it goes into every version of the data published, whatever the application sets. */
  private final boolean tls;

  /** @param tls whether the server accepts TLS connections only, for clients to follow */
  public ServerPublisher(ServiceDiscovery discovery, ClusterServerOptions options, boolean tls) {
    this.discovery = discovery;
    this.options = new ClusterServerOptions(options);
    this.tls = tls;
    this.data = new ServerData(options.getServerData()).setTls(tls);
    this.elected.addAll(options.getLeaderServices());
  }

  /** Registers the server reachable at its advertised address and publishes every service added so far. */
  public Future<Void> start(String listenHost, int boundPort) {
    String host = AdvertisedHost.resolve(options.getAdvertisedHost(), listenHost);
    int port = options.getAdvertisedPort() > 0 ? options.getAdvertisedPort() : boundPort;
    SocketAddress advertised = SocketAddress.inetSocketAddress(port, host);
    return discovery.register(advertised, data).compose(reg -> {
      List<String> toPublish;
      synchronized (this) {
        if (withdrawn) {
          return reg.close().transform(ar -> Future.failedFuture(
              new IllegalStateException("the server was closed while it registered in discovery")));
        }
        registration = reg;
        address = advertised;
        reg.leadershipHandler(this::onLeadership);
        toPublish = publishable();
      }
      return publishAll(reg, toPublish);
    });
  }

  /**
   * A service registered on the server: published at once if the server already is.
   *
   * @param leaderRouted whether the service declares itself leader-routed, so that this server stands for election
   */
  public Future<Void> serviceAdded(String service, boolean leaderRouted) {
    if (leaderRouted) {
      elected.add(service);
    }
    ServerRegistration reg;
    synchronized (this) {
      services.add(service);
      reg = registration;
      if (reg == null || serverOffline || offlineServices.contains(service)) {
        return Future.succeededFuture();
      }
    }
    return reg.publish(service, elected.contains(service))
        .onFailure(e -> log.warn("Could not publish service '" + service + "': " + e.getMessage(), e));
  }

  /** Withdraws everything from discovery, for a shutdown: clients stop choosing this server. */
  public Future<Void> withdraw() {
    ServerRegistration reg;
    synchronized (this) {
      withdrawn = true;
      reg = registration;
      registration = null;
    }
    return reg == null ? Future.succeededFuture() : reg.close();
  }

  public long withdrawGraceMillis() {
    return options.getWithdrawGraceMillis();
  }

  @Override
  public Future<Void> offline() {
    ServerRegistration reg;
    synchronized (this) {
      serverOffline = true;
      reg = registration;
    }
    log.info("Taking the server{} offline: every service leaves rotation", addressText());
    return reg == null ? Future.succeededFuture() : Future.join(each(new ArrayList<>(services), reg::withdraw)).mapEmpty();
  }

  @Override
  public Future<Void> online() {
    ServerRegistration reg;
    List<String> toPublish;
    synchronized (this) {
      serverOffline = false;
      reg = registration;
      toPublish = publishable();
    }
    log.info("Putting the server{} back online: {} in rotation", addressText(), toPublish);
    return reg == null ? Future.succeededFuture() : publishAll(reg, toPublish);
  }

  @Override
  public Future<Void> offline(String service) {
    ServerRegistration reg;
    synchronized (this) {
      requireRegistered(service);
      offlineServices.add(service);
      reg = registration;
    }
    log.info("Service '{}' of the server{} goes offline", service, addressText());
    return reg == null ? Future.succeededFuture() : reg.withdraw(service);
  }

  @Override
  public Future<Void> online(String service) {
    ServerRegistration reg;
    synchronized (this) {
      requireRegistered(service);
      offlineServices.remove(service);
      reg = registration;
      log.info("Service '{}' of the server{} goes online{}", service, addressText(),
          serverOffline ? ", once the whole server is online" : "");
      if (reg == null || serverOffline) {
        return Future.succeededFuture();
      }
    }
    return reg.publish(service, elected.contains(service));
  }

  @Override
  public synchronized boolean isOnline() {
    return registration != null && !serverOffline;
  }

  @Override
  public boolean isDiscoveryConnected() {
    return discovery.isConnected();
  }

  @Override
  public SocketAddress address() {
    return address;
  }

  @Override
  public synchronized boolean isOnline(String service) {
    return registration != null && services.contains(service) && !serverOffline && !offlineServices.contains(service);
  }

  /** The data published: once registered, with the incarnation and start time the registration filled in. */
  @Override
  public synchronized ServerData data() {
    return new ServerData(registration != null ? registration.data() : data);
  }

  /**
   * The incarnation and start time stay the registration's whatever {@code newData} says: clients
   * check the incarnation against the server's HELLO and the election ids.
   */
  @Override
  public Future<Void> updateData(ServerData newData) {
    ServerRegistration reg;
    ServerData published = new ServerData(newData).setTls(tls);
    synchronized (this) {
      reg = registration;
      if (reg != null) {
        published.setIncarnation(reg.data().getIncarnation()).setStartTime(reg.data().getStartTime());
      }
      data = published;
    }
    return reg == null ? Future.succeededFuture() : reg.updateData(new ServerData(published));
  }

  /** @return the incarnation this server registered with, or {@code null} before it has */
  public synchronized String incarnation() {
    return registration == null ? null : registration.data().getIncarnation();
  }

  @Override
  public synchronized long leaderTerm(String service) {
    return registration == null ? 0 : registration.leaderTerm(service);
  }

  @Override
  public synchronized ServerMembership leadershipHandler(Handler<String> handler) {
    this.leadershipHandler = handler;
    return this;
  }

  /** " 10.0.0.5:2104" once the server is published, for log lines; empty before. */
  private String addressText() {
    SocketAddress published = address;
    return published == null ? "" : " " + ServerAddresses.format(published);
  }

  private void onLeadership(String service) {
    log.info("Service '{}': the server{} {}", service, addressText(),
        leaderTerm(service) != 0 ? "leads, term " + leaderTerm(service) : "no longer leads");
    Handler<String> handler;
    synchronized (this) {
      handler = leadershipHandler;
    }
    if (handler != null) {
      handler.handle(service);
    }
  }

  private List<String> publishable() {
    List<String> list = new ArrayList<>();
    if (!serverOffline) {
      for (String service : services) {
        if (!offlineServices.contains(service)) {
          list.add(service);
        }
      }
    }
    return list;
  }

  private Future<Void> publishAll(ServerRegistration reg, List<String> toPublish) {
    return Future.all(each(toPublish, s -> reg.publish(s, elected.contains(s)))).mapEmpty();
  }

  private static List<Future<Void>> each(List<String> services, java.util.function.Function<String, Future<Void>> action) {
    List<Future<Void>> futures = new ArrayList<>();
    services.forEach(s -> futures.add(action.apply(s)));
    return futures;
  }

  private void requireRegistered(String service) {
    if (!services.contains(service)) {
      throw new IllegalArgumentException("no service named '" + service + "' is registered on this server");
    }
  }
}
