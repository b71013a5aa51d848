package io.slacker.cluster.impl;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the session timeout ZooKeeper granted, at INFO, on each new session: the servers clamp
 * the one asked for to 2–20 ticks without telling, and that timeout is how long a dead server
 * stays listed.
 */
final class SessionTimeoutLog implements ConnectionStateListener {

  private static final Logger LOG = LoggerFactory.getLogger(SessionTimeoutLog.class);

  private final String connectString;
  private final int askedMillis;

  SessionTimeoutLog(String connectString, int askedMillis) {
    this.connectString = connectString;
    this.askedMillis = askedMillis;
  }

  @Override
  public void stateChanged(CuratorFramework client, ConnectionState newState) {
    if (newState != ConnectionState.CONNECTED && newState != ConnectionState.RECONNECTED) {
      return;
    }
    try {
      int granted = client.getZookeeperClient().getZooKeeper().getSessionTimeout();
      LOG.info("ZooKeeper session at " + connectString + ": timeout " + granted + " ms"
          + (granted == askedMillis ? "" : " (asked for " + askedMillis
          + " ms; the servers allow 2 to 20 times their tickTime)"));
    } catch (Exception e) {
      // Curator's state listeners must not throw; the timeout is only reported.
      LOG.debug("could not read the ZooKeeper session timeout", e);
    }
  }
}
