package io.slacker.cluster.impl;

import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.ServiceMembers;
import io.slacker.cluster.ServiceWatch;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link CuratorCache} of one service's subtree (its index of service sets, its election, and
 * the servers of the earlier layout), and the caches of the sets its index names, shared with
 * the discovery's other watches. Curator's threads only mark the view dirty; the snapshot is
 * rebuilt and delivered on the watcher's Vert.x context, once for any number of changes
 * meanwhile, and at most every {@value #MIN_REBUILD_INTERVAL_MILLIS} ms.
 * The caches keep their nodes while ZooKeeper is unreachable, so the last known members stay in
 * use, and re-read when the connection comes back.
 */
final class ZookeeperServiceWatch implements ServiceWatch {

  /**
   * The shortest time between two snapshots of one watch. A single change is delivered at once;
   * thousands of servers coming back after a ZooKeeper outage are delivered in a few dozen
   * snapshots a second, each with every change meanwhile, not one O(members) snapshot per server.
   */
  static final long MIN_REBUILD_INTERVAL_MILLIS = 20;

  private final ContextInternal context;
  private final CuratorCache cache;
  private final MemberParser parser;
  private final Handler<ServiceMembers> listener;
  private final Promise<ServiceWatch> initialized;
  private final ServiceSetCaches setCaches;
  /** The sets the index names, read on the context only. */
  private final Map<String, ServiceSetCaches.Handle> sets = new HashMap<>();
  /** What the last snapshot was made from, on the context only: the same objects again mean no change. */
  private List<Object> lastRead = List.of();
  private final AtomicBoolean rebuildScheduled = new AtomicBoolean();
  /** When the last rebuild started: a rebuild costs O(members), so a burst of changes gets one every {@value #MIN_REBUILD_INTERVAL_MILLIS} ms. */
  private volatile long lastRebuild = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(MIN_REBUILD_INTERVAL_MILLIS);
  private volatile ServiceMembers current;
  /** Until Curator reports the first full read, partial snapshots are not worth showing. */
  private volatile boolean cacheLoaded;
  private volatile boolean closed;

  private ZookeeperServiceWatch(ContextInternal context, CuratorFramework curator, ClusterPaths paths,
                                ServiceSetCaches setCaches, String service, Handler<ServiceMembers> listener) {
    this.context = context;
    this.setCaches = setCaches;
    this.listener = listener;
    this.parser = new MemberParser(service, paths.service(service), paths.leader(service), paths.term(service));
    this.cache = CuratorCache.build(curator, paths.service(service));
    this.current = ServiceMembers.empty(service);
    this.initialized = context.promise();
    cache.listenable().addListener(CuratorCacheListener.builder()
        .forAll((type, oldData, data) -> scheduleRebuild())
        .forInitialized(() -> {
          cacheLoaded = true;
          scheduleRebuild();
        })
        .build());
  }

  /** Starts the cache on a worker thread; completes with the watch once the first full read is done. */
  static Future<ServiceWatch> start(ContextInternal context, CuratorFramework curator, NodeAccess access,
                                    ClusterPaths paths, ServiceSetCaches setCaches, String service,
                                    Handler<ServiceMembers> listener) {
    ZookeeperServiceWatch watch = new ZookeeperServiceWatch(context, curator, paths, setCaches, service, listener);
    // The cache only logs a read that ZooKeeper refuses, and then shows an empty service. The check
    // runs beside it and decides only when the first view is empty: a view with servers was read,
    // and waits for no second round trip (which, after ZooKeeper was down, waits for a retry).
    Future<Void> readable = access.checkReadable(context, paths.service(service));
    readable.onFailure(watch.initialized::tryFail);
    Future<Void> started = context.executeBlocking(() -> {
      watch.cache.start();
      return null;
    });
    return started
        .compose(v -> watch.initialized.future())
        .compose(first -> first.current().isEmpty() ? readable.map(first) : context.succeededFuture(first))
        .onFailure(e -> watch.close());
  }

  private void scheduleRebuild() {
    if (rebuildScheduled.compareAndSet(false, true)) {
      long wait = MIN_REBUILD_INTERVAL_MILLIS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRebuild);
      if (wait > 0) {
        context.setTimer(wait, t -> rebuild());
      } else {
        context.runOnContext(v -> rebuild());
      }
    }
  }

  private void rebuild() {
    rebuildScheduled.set(false);
    lastRebuild = System.nanoTime();
    if (closed || !cacheLoaded) {
      return;
    }
    boolean first = !initialized.future().isComplete();
    List<String> ids = parser.setIds(cache.stream());
    for (String id : ids) {
      sets.computeIfAbsent(id, set -> setCaches.acquire(context, set, this::scheduleRebuild));
    }
    sets.keySet().removeIf(id -> {
      if (ids.contains(id)) {
        return false;
      }
      sets.get(id).release(context);
      return true;
    });
    if (first && !sets.values().stream().allMatch(ServiceSetCaches.Handle::loaded)) {
      // The first snapshot waits for every set's first read: a service is never shown empty by mistake.
      return;
    }
    List<ServiceSetCaches.Snapshot> snapshots = new ArrayList<>(sets.size());
    sets.values().forEach(set -> snapshots.add(set.snapshot()));
    List<Object> read = new ArrayList<>(snapshots);
    cache.stream().forEach(read::add);
    if (!first && sameObjects(read, lastRead)) {
      // Nothing changed since the last snapshot: cached nodes and set snapshots are replaced, never changed.
      return;
    }
    lastRead = read;
    ServiceMembers next = parser.parse(cache.stream(), snapshots);
    boolean changed = !sameMembers(next, current);
    current = next;
    if (first) {
      initialized.tryComplete(this);
    } else if (changed) {
      listener.handle(next);
    }
  }

  /** Equal snapshots: the same servers (the same objects, mostly, as set members are shared) and leader. */
  private static boolean sameMembers(ServiceMembers a, ServiceMembers b) {
    if (!Objects.equals(a.leader(), b.leader()) || !Objects.equals(a.leaderIncarnation(), b.leaderIncarnation())) {
      return false;
    }
    if (a.servers() == b.servers()) {
      return true;
    }
    if (a.servers().size() != b.servers().size()) {
      return false;
    }
    for (int i = 0; i < a.servers().size(); i++) {
      ServerInstance x = a.servers().get(i);
      ServerInstance y = b.servers().get(i);
      if (x != y && !x.equals(y)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameObjects(List<Object> a, List<Object> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public ServiceMembers current() {
    return current;
  }

  @Override
  public Future<Void> close() {
    closed = true;
    context.runOnContext(v -> {
      sets.values().forEach(set -> set.release(context));
      sets.clear();
    });
    return context.executeBlocking(() -> {
      cache.close();
      return null;
    });
  }
}
