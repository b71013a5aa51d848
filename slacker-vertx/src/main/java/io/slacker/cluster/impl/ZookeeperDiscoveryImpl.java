package io.slacker.cluster.impl;

import io.slacker.cluster.ServerData;
import io.slacker.cluster.ServerRegistration;
import io.slacker.cluster.ServiceMembers;
import io.slacker.cluster.ServiceWatch;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.SocketAddress;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.imps.CuratorFrameworkState;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@link ZookeeperDiscovery} over one Curator client, owned or shared. */
public final class ZookeeperDiscoveryImpl implements ZookeeperDiscovery {

  /** Curator retries each operation this often before it reports a failure; recipes retry on their own after that. */
  private static final int MAX_RETRIES = 10;

  private final Vertx vertx;
  private final CuratorFramework curator;
  private final boolean ownsCurator;
  /** Curator 5.4 never shuts down the executor it makes for this, so an owned client gets one we close. */
  private final ExecutorService runSafeService;
  private final ClusterPaths paths;
  private final Set<ServiceWatch> watches = ConcurrentHashMap.newKeySet();
  private final Set<ServerRegistration> registrations = ConcurrentHashMap.newKeySet();
  private Future<Void> started;

  public ZookeeperDiscoveryImpl(Vertx vertx, CuratorFramework shared, ZookeeperDiscoveryOptions options) {
    this.vertx = vertx;
    this.ownsCurator = shared == null;
    this.runSafeService = shared != null ? null : Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "slacker-curator-safe-notify");
      thread.setDaemon(true);
      return thread;
    });
    this.curator = shared != null ? shared : CuratorFrameworkFactory.builder()
        .connectString(options.getConnectString())
        .sessionTimeoutMs(options.getSessionTimeoutMillis())
        .connectionTimeoutMs(options.getConnectionTimeoutMillis())
        .retryPolicy(new BoundedExponentialBackoffRetry(options.getRetryInitialSleepMillis(),
            options.getRetryMaxSleepMillis(), MAX_RETRIES))
        .runSafeService(runSafeService)
        .build();
    this.paths = new ClusterPaths(options.getRootPath(), options.getCluster());
  }

  @Override
  public CuratorFramework curator() {
    return curator;
  }

  @Override
  public Future<ServiceWatch> watch(String service, Handler<ServiceMembers> listener) {
    NodeNames.requireValid("service", service);
    ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
    return started(context)
        .compose(v -> ZookeeperServiceWatch.start(context, curator, paths, service, listener))
        .map(watch -> {
          ServiceWatch tracked = new TrackedWatch(watch);
          watches.add(tracked);
          return tracked;
        });
  }

  @Override
  public Future<ServerRegistration> register(SocketAddress address, ServerData data) {
    ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
    ServerData published = new ServerData(data);
    if (published.getStartTime() == 0) {
      published.setStartTime(System.currentTimeMillis());
    }
    return started(context)
        .compose(v -> ZookeeperServerRegistration.start(context, curator, paths, address, published))
        .onSuccess(registrations::add);
  }

  @Override
  public Future<Void> close() {
    ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
    List<Future<Void>> closing = new ArrayList<>();
    watches.forEach(w -> closing.add(w.close()));
    registrations.forEach(r -> closing.add(r.close()));
    registrations.clear();
    return Future.join(closing).otherwiseEmpty().compose(v -> !ownsCurator ? context.succeededFuture()
        : context.executeBlocking(() -> {
          curator.close();
          runSafeService.shutdown();
          return null;
        }));
  }

  /** Starts an owned client on a worker thread; a shared client must already be started by its owner. */
  private synchronized Future<Void> started(ContextInternal context) {
    if (started == null) {
      if (ownsCurator) {
        started = context.executeBlocking(() -> {
          curator.start();
          return null;
        });
      } else if (curator.getState() != CuratorFrameworkState.STARTED) {
        return context.failedFuture(new IllegalStateException("the shared Curator client is " + curator.getState()
            + "; start it (or join the Vert.x cluster) before using Slacker discovery"));
      } else {
        started = context.succeededFuture();
      }
    }
    return started;
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
