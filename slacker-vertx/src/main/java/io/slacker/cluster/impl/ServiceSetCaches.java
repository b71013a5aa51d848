package io.slacker.cluster.impl;

import io.slacker.cluster.impl.MemberData.Member;
import io.vertx.core.Future;
import io.vertx.core.internal.ContextInternal;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The service sets a discovery's watches read, each cached once however many watched services
 * it includes: a {@link CuratorCache} of {@code sets/<set>} per set, opened by the first watch
 * that needs it and closed with the last.
 */
final class ServiceSetCaches {

  private final CuratorFramework curator;
  private final ClusterPaths paths;
  private final Map<String, Cached> sets = new HashMap<>();

  ServiceSetCaches(CuratorFramework curator, ClusterPaths paths) {
    this.curator = curator;
    this.paths = paths;
  }

  /** One set's cache and who reads it. */
  private static final class Cached {
    final CuratorCache cache;
    final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
    /** Counts the cache's changes: the members are read again once per change, for all the watches of the set. */
    final AtomicLong changes = new AtomicLong();
    volatile boolean loaded;
    int holders;
    /** Guarded by itself: the members as last read, at which change, each decoded once per version of its node. */
    private List<Member> members = List.of();
    private long membersAt = -1;
    private final Map<String, Member> decoded = new HashMap<>();

    Cached(CuratorCache cache) {
      this.cache = cache;
    }

    void changed() {
      changes.incrementAndGet();
      listeners.forEach(Runnable::run);
    }

    synchronized List<Member> members(String parent) {
      long now = changes.get();
      if (now == membersAt) {
        return members;
      }
      List<Member> read = new ArrayList<>();
      Map<String, Member> still = new HashMap<>();
      // In address order, as watches list servers: each watch keeps the order and sorts nothing.
      cache.stream().filter(node -> node.getPath().length() > parent.length())
          .sorted(Comparator.comparing(ChildData::getPath)).forEach(node -> {
        Member known = decoded.get(node.getPath());
        Member member = known != null && known.node() == node ? known : MemberData.read(node);
        still.put(node.getPath(), member);
        read.add(member);
      });
      decoded.clear();
      decoded.putAll(still);
      members = List.copyOf(read);
      membersAt = now;
      return members;
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

    /** @return the set's servers, as cached */
    List<Member> members() {
      return cached.members(paths.set(set));
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
        cached = new Cached(CuratorCache.build(curator, paths.set(set)));
        Cached fresh = cached;
        cached.cache.listenable().addListener(CuratorCacheListener.builder()
            .forAll((type, oldData, data) -> fresh.changed())
            .forInitialized(() -> {
              fresh.loaded = true;
              fresh.changed();
            })
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
