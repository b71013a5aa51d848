package io.slacker.cluster.impl;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last connection state Curator reported for a discovery's client, and its session id, kept
 * so that health checks read them without touching ZooKeeper; each change is also handed to the
 * application's handler on the context that set it.
 */
final class ConnectionStates implements ConnectionStateListener {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionStates.class);

  private final CuratorFramework curator;
  private volatile ConnectionState state;
  /** Set by {@link #stop()}: a change Curator was already delivering is dropped. */
  private boolean stopped;
  private volatile long sessionId;
  /** One field, so that a change never sees a handler without its context. */
  private volatile ContextHandler handler;

  private record ContextHandler(Context context, Handler<ConnectionState> handler) {
  }

  ConnectionStates(CuratorFramework curator) {
    this.curator = curator;
  }

  /** Listens from now on; a client someone else connected before is taken as connected, unless an event came first. */
  void start() {
    curator.getConnectionStateListenable().addListener(this);
    if (state == null && curator.getZookeeperClient().isConnected()) {
      synchronized (this) {
        if (state == null && !stopped) {
          state = ConnectionState.CONNECTED;
        }
      }
      readSessionId(curator);
    }
  }

  /** A closed discovery reports no connection, whatever becomes of a session it shared. */
  void stop() {
    curator.getConnectionStateListenable().removeListener(this);
    synchronized (this) {
      stopped = true;
      state = null;
    }
  }

  @Override
  public void stateChanged(CuratorFramework client, ConnectionState newState) {
    synchronized (this) {
      if (stopped) {
        return;
      }
      state = newState;
    }
    if (newState.isConnected()) {
      readSessionId(client);
    }
    ContextHandler current = handler;
    if (current != null) {
      current.context().runOnContext(v -> current.handler().handle(newState));
    }
  }

  /** Only once the client is connected, when this does not wait: the session is the one just connected. */
  private void readSessionId(CuratorFramework client) {
    try {
      sessionId = client.getZookeeperClient().getZooKeeper().getSessionId();
    } catch (Exception e) {
      // Only reported: a state listener must not throw.
      LOG.debug("could not read the ZooKeeper session id", e);
    }
  }

  ConnectionState state() {
    return state;
  }

  long sessionId() {
    return sessionId;
  }

  void handler(Context context, Handler<ConnectionState> handler) {
    this.handler = handler == null ? null : new ContextHandler(context, handler);
  }
}
