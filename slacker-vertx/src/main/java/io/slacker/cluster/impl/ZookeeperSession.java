package io.slacker.cluster.impl;

import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.CuratorEventType;
import org.apache.curator.framework.imps.CuratorFrameworkState;
import org.apache.curator.framework.state.SessionConnectionStateErrorPolicy;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.apache.zookeeper.Watcher;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;

/**
 * A Curator client, and so a ZooKeeper session, as the discoveries that use it see it: made from
 * options and owned (started on first use, closed by its last user), shared by the shared
 * discoveries of one Vert.x instance with the same connection settings, or someone else's client,
 * which is never started or closed here.
 */
final class ZookeeperSession {

  /** Curator retries each operation this often before it reports a failure; recipes retry on their own after that. */
  private static final int MAX_RETRIES = 10;
  private static final Map<Key, ZookeeperSession> SHARED = new HashMap<>();

  private record Key(Vertx vertx, JsonObject settings) {
  }

  private final CuratorFramework curator;
  private final boolean owned;
  /** Curator 5.4 never shuts down the executor it makes for this, so an owned client gets one we close. */
  private final ExecutorService runSafeService;
  /** Where the session is listed while shared; {@code null} for one that is not. */
  private final Key key;
  private int users = 1;
  private Future<Void> started;
  /** Set while ZooKeeper refuses the session's SASL login; Curator then reports only lost connections. */
  private volatile boolean authFailed;

  private ZookeeperSession(CuratorFramework curator, boolean owned, ExecutorService runSafeService, Key key) {
    this.curator = curator;
    this.owned = owned;
    this.runSafeService = runSafeService;
    this.key = key;
  }

  /** The session of a discovery made from {@code options}: its own, or the shared one for their settings. */
  static ZookeeperSession of(Vertx vertx, ZookeeperDiscoveryOptions options) {
    if (!options.isShared()) {
      return owned(options, null);
    }
    Key key = new Key(vertx, settings(options));
    synchronized (SHARED) {
      ZookeeperSession session = SHARED.get(key);
      if (session != null) {
        session.users++;
        return session;
      }
      session = owned(options, key);
      SHARED.put(key, session);
      return session;
    }
  }

  /** The session of a Curator client that someone else owns and has started. */
  static ZookeeperSession external(CuratorFramework curator) {
    return new ZookeeperSession(curator, false, null, null);
  }

  private static ZookeeperSession owned(ZookeeperDiscoveryOptions options, Key key) {
    // Also where the reconnections after a session expiry wait their jitter (JitteredRecovery).
    ScheduledExecutorService runSafeService = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "slacker-curator-safe-notify");
      thread.setDaemon(true);
      return thread;
    });
    CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
        .connectString(options.getConnectString())
        .sessionTimeoutMs(options.getSessionTimeoutMillis())
        .connectionTimeoutMs(options.getConnectionTimeoutMillis())
        .retryPolicy(new BoundedExponentialBackoffRetry(options.getRetryInitialSleepMillis(),
            options.getRetryMaxSleepMillis(), MAX_RETRIES))
        .runSafeService(runSafeService)
        .connectionStateListenerManagerFactory(JitteredRecovery.factory(runSafeService, options.getRecoveryJitterMillis()))
        // A leader keeps its election through a SUSPENDED connection (a ZooKeeper node lost, the
        // client reconnecting to another): its lease, not the connection state, decides whether
        // it may act, so a short disconnection costs no new election. LOST still ends it.
        .connectionStateErrorPolicy(new SessionConnectionStateErrorPolicy())
        .aclProvider(NodeAcls.of(options));
    if (options.getDigestUser() != null) {
      // Curator adds it to every ZooKeeper session it opens, so a new session after an expiry has the same identity.
      builder.authorization("digest", (options.getDigestUser() + ":" + options.getDigestPassword()).getBytes(StandardCharsets.UTF_8));
    }
    CuratorFramework curator = builder.build();
    curator.getConnectionStateListenable().addListener(
        new SessionTimeoutLog(options.getConnectString(), options.getSessionTimeoutMillis()));
    ZookeeperSession session = new ZookeeperSession(curator, true, runSafeService, key);
    curator.getCuratorListenable().addListener((client, event) -> {
      if (event.getType() == CuratorEventType.WATCHED && event.getWatchedEvent() != null) {
        Watcher.Event.KeeperState state = event.getWatchedEvent().getState();
        if (state == Watcher.Event.KeeperState.AuthFailed) {
          session.authFailed = true;
        } else if (state == Watcher.Event.KeeperState.SaslAuthenticated) {
          session.authFailed = false;
        }
      }
    });
    return session;
  }

  /** What makes two sessions interchangeable: everything that reaches Curator. */
  private static JsonObject settings(ZookeeperDiscoveryOptions options) {
    return new JsonObject()
        .put("connectString", options.getConnectString())
        .put("sessionTimeoutMillis", options.getSessionTimeoutMillis())
        .put("connectionTimeoutMillis", options.getConnectionTimeoutMillis())
        .put("retryInitialSleepMillis", options.getRetryInitialSleepMillis())
        .put("retryMaxSleepMillis", options.getRetryMaxSleepMillis())
        .put("recoveryJitterMillis", options.getRecoveryJitterMillis())
        .put("digestUser", options.getDigestUser())
        .put("digestPassword", options.getDigestPassword())
        .put("sasl", options.isSasl())
        .put("readers", options.getReaders())
        .put("writers", options.getWriters());
  }

  CuratorFramework curator() {
    return curator;
  }

  /** @return the id of {@code client}'s current ZooKeeper session; 0 without a client or before its first session */
  static long idOf(CuratorFramework client) {
    try {
      return client == null ? 0 : client.getZookeeperClient().getZooKeeper().getSessionId();
    } catch (Exception e) {
      return 0;
    }
  }

  /** @return whether ZooKeeper refused the session's SASL login last time it tried (always false for someone else's client) */
  boolean authFailed() {
    return authFailed;
  }

  /** Starts an owned client on a worker thread; someone else's must already be started. */
  synchronized Future<Void> started(ContextInternal context) {
    if (started == null) {
      if (owned) {
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

  /** One user is done with the session; the last user of an owned client closes it. */
  Future<Void> release(ContextInternal context) {
    boolean last;
    synchronized (SHARED) {
      last = --users == 0;
      if (last && key != null) {
        SHARED.remove(key);
      }
    }
    if (!last || !owned) {
      return context.succeededFuture();
    }
    return context.executeBlocking(() -> {
      curator.close();
      runSafeService.shutdown();
      return null;
    });
  }
}
