package io.slacker.cluster.impl;

import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.impl.MemberData.Member;
import io.vertx.core.Future;
import io.vertx.core.internal.ContextInternal;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The service sets a discovery's watches read, each cached once however many watched services
 * it includes: a {@link CuratorCache} of {@code sets/<set>} per set, opened by the first watch
 * that needs it and closed with the last. A change of one member costs O(log members) as it
 * comes, and one snapshot of the set, O(members), shared by all the set's watches.
 */
final class ServiceSetCaches {

  private final CuratorFramework curator;
  private final ClusterPaths paths;
  private final Map<String, Cached> sets = new HashMap<>();

  ServiceSetCaches(CuratorFramework curator, ClusterPaths paths) {
    this.curator = curator;
    this.paths = paths;
  }

  /**
   * A set's servers as read at one change of its cache, shared by every watch of the set: the
   * same object until the set changes again.
   *
   * @param members every member node, readable or not, in address order
   * @param servers the servers of the readable members, in the same order
   * @param offline the services some member has out of rotation: for every other service of
   *     the set, {@code servers} is its list as it is
   */
  record Snapshot(List<Member> members, List<ServerInstance> servers, Set<String> offline) {
  }

  /** One set's cache and who reads it. */
  private static final class Cached {
    final CuratorCache cache;
    final String parent;
    final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
    volatile boolean loaded;
    int holders;
    /**
     * Guarded by this: the members by path, kept from the cache's events as they come, each
     * decoded once per version of its node, and the snapshot made at which change.
     */
    private final TreeMap<String, Member> byPath = new TreeMap<>();
    private long changes;
    private Snapshot snapshot = new Snapshot(List.of(), List.of(), Set.of());
    private long snapshotAt;

    Cached(CuratorCache cache, String parent) {
      this.cache = cache;
      this.parent = parent;
    }

    void changed(ChildData before, ChildData after) {
      ChildData node = after != null ? after : before;
      if (node.getPath().length() <= parent.length()) {
        return;
      }
      synchronized (this) {
        if (after == null) {
          byPath.remove(node.getPath());
        } else {
          byPath.put(node.getPath(), MemberData.read(node));
        }
        changes++;
      }
      listeners.forEach(Runnable::run);
    }

    void initialized() {
      loaded = true;
      listeners.forEach(Runnable::run);
    }

    /** O(members) once per change of the set, however many watches read it. */
    synchronized Snapshot snapshot() {
      if (snapshotAt != changes) {
        List<Member> members = List.copyOf(byPath.values());
        List<ServerInstance> servers = new ArrayList<>(members.size());
        Set<String> offline = new HashSet<>();
        for (Member member : members) {
          if (member.server() != null) {
            servers.add(member.server());
          }
          offline.addAll(member.offline());
        }
        snapshot = new Snapshot(members, List.copyOf(servers), offline);
        snapshotAt = changes;
      }
      return snapshot;
    }
  }

  /** What one watch holds of a set's cache. */
  final class Handle {
    private final String set;
    private final Cached cached;
    private final Runnable onChange;

    private Handle(String set, Cached cached, Runnable onChange) {
      this.set = set;
      this.cached = cached;
      this.onChange = onChange;
    }

    /** @return whether the set's first full read is done */
    boolean loaded() {
      return cached.loaded;
    }

    /** @return the set's servers, as cached: the same object until the set changes */
    Snapshot snapshot() {
      return cached.snapshot();
    }

    /** Stops listening; the last holder closes the cache, on a worker thread. */
    void release(ContextInternal context) {
      cached.listeners.remove(onChange);
      boolean last;
      synchronized (sets) {
        last = --cached.holders == 0;
        if (last) {
          sets.remove(set);
        }
      }
      if (last) {
        context.executeBlocking(() -> {
          cached.cache.close();
          return null;
        });
      }
    }
  }

  /** @param onChange called, from Curator's threads, whenever the set's servers change and once it is first read */
  Handle acquire(ContextInternal context, String set, Runnable onChange) {
    Cached cached;
    boolean created = false;
    synchronized (sets) {
      cached = sets.get(set);
      if (cached == null) {
        cached = new Cached(CuratorCache.build(curator, paths.set(set)), paths.set(set));
        Cached fresh = cached;
        cached.cache.listenable().addListener(CuratorCacheListener.builder()
            .forAll((type, oldData, data) -> fresh.changed(oldData, type == CuratorCacheListener.Type.NODE_DELETED ? null : data))
            .forInitialized(fresh::initialized)
            .build());
        sets.put(set, cached);
        created = true;
      }
      cached.holders++;
      cached.listeners.add(onChange);
    }
    if (created) {
      Cached starting = cached;
      Future<Void> started = context.executeBlocking(() -> {
        starting.cache.start();
        return null;
      });
      started.onFailure(e -> starting.listeners.forEach(Runnable::run));
    }
    return new Handle(set, cached, onChange);
  }
}
