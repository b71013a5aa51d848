package io.slacker.cluster.impl;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.listen.StandardListenerManager;
import org.apache.curator.framework.listen.UnaryListenerManager;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.curator.framework.state.ConnectionStateListenerManagerFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Hands each connection-state listener of a Curator client the reconnection that follows a
 * session expiry after a random delay: servers' nodes ({@link MemberNode}) are re-created and
 * caches re-read on it, so the servers and clients of a cluster that lost ZooKeeper do not all
 * come back at once. (Elections rejoin through their recipe's own callbacks, at once.) Every
 * other change is handed on at once, and each listener gets its changes in order.
 */
final class JitteredRecovery implements ConnectionStateListener {

  private static final Logger LOG = LoggerFactory.getLogger(JitteredRecovery.class);

  private final ConnectionStateListener listener;
  private final ScheduledExecutorService scheduler;
  private final long jitterMillis;
  /** Guarded by this: changes not handed on yet, whether one thread is handing them on, whether a session was lost since. */
  private final Deque<ConnectionState> held = new ArrayDeque<>();
  private boolean draining;
  private boolean sessionLost;
  /** The session of the last connection handed on; 0 before one. */
  private long session;

  private JitteredRecovery(ConnectionStateListener listener, CuratorFramework client, ScheduledExecutorService scheduler,
                           long jitterMillis) {
    this.listener = listener;
    this.scheduler = scheduler;
    this.jitterMillis = jitterMillis;
    // A listener added to a connected client knows the session it started in.
    this.session = ZookeeperSession.idOf(client);
  }

  /** @return a factory of listener managers whose listeners all get their recoveries jittered */
  static ConnectionStateListenerManagerFactory factory(ScheduledExecutorService scheduler, long jitterMillis) {
    return client -> {
      UnaryListenerManager<ConnectionStateListener> manager = StandardListenerManager.mappingStandard(
          listener -> new JitteredRecovery(listener, client, scheduler, jitterMillis));
      return manager;
    };
  }

  @Override
  public void stateChanged(CuratorFramework client, ConnectionState state) {
    synchronized (this) {
      held.add(state);
      if (draining) {
        // Handed on, in order, by the thread already doing so, or after the delay under way.
        return;
      }
      draining = true;
    }
    drain(client);
  }

  /** Hands the held changes on in order, until none is left or a reconnection after a lost session starts a delay. */
  private void drain(CuratorFramework client) {
    while (true) {
      ConnectionState next;
      synchronized (this) {
        next = held.poll();
        if (next == null) {
          draining = false;
          return;
        }
        if (next == ConnectionState.LOST) {
          sessionLost = true;
        } else if (next == ConnectionState.RECONNECTED && newSession(client)) {
          sessionLost = false;
          ConnectionState reconnected = next;
          scheduler.schedule(() -> {
            handOn(client, reconnected);
            drain(client);
          }, ThreadLocalRandom.current().nextLong(jitterMillis + 1), TimeUnit.MILLISECONDS);
          return;
        }
      }
      if (next == ConnectionState.CONNECTED) {
        synchronized (this) {
          session = ZookeeperSession.idOf(client);
        }
      }
      handOn(client, next);
    }
  }

  /**
   * @return whether the reconnection is into another session than the last one: its session
   *     expired, whether or not Curator reported it LOST first
   */
  private boolean newSession(CuratorFramework client) {
    long current = ZookeeperSession.idOf(client);
    long previous = session;
    session = current != 0 ? current : previous;
    return sessionLost || (previous != 0 && current != 0 && current != previous);
  }

  /** A listener that throws must not stop the changes that follow from reaching it. */
  private void handOn(CuratorFramework client, ConnectionState state) {
    try {
      listener.stateChanged(client, state);
    } catch (RuntimeException e) {
      LOG.warn("A ZooKeeper connection state listener failed on {}", state, e);
    }
  }

  @Override
  public boolean doNotProxy() {
    return listener.doNotProxy();
  }
}
