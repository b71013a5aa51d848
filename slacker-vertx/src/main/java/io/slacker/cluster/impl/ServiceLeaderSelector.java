package io.slacker.cluster.impl;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderSelector;
import org.apache.curator.framework.recipes.leader.LeaderSelectorListenerAdapter;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One server's candidacy for the leadership of one service, on Curator's {@link LeaderSelector}.
 * Leadership is held by the selector's own thread until it is interrupted: by close, or by
 * Curator when the connection is suspended or lost, after which the candidate queues again.
 * (LeaderSelector rather than LeaderLatch: Curator 5.4's latch can keep believing it leads after a
 * session expiry, with its node gone.)
 *
 * <p>Each term starts by bumping the version of the service's term node: that version is the
 * term's fencing token, larger than every earlier term's. While it leads, the thread confirms the
 * session with a ZooKeeper round trip every third of the lease; the server acts as leader only
 * while the last confirmation started less than a lease ago, on the monotonic clock. The lease is
 * half the session timeout: a server paused past it (GC, SIGSTOP) refuses leader calls on waking,
 * before the ZooKeeper session it may have lost could have let another server lead.
 */
final class ServiceLeaderSelector {

  private final LeaderSelector selector;
  private final CuratorFramework curator;
  private final String termPath;
  private volatile long term;
  private volatile long confirmedAtNanos;
  private volatile long leaseNanos;

  ServiceLeaderSelector(CuratorFramework curator, String path, String termPath, String id, Consumer<Boolean> onChange) {
    this.curator = curator;
    this.termPath = termPath;
    selector = new LeaderSelector(curator, path, new LeaderSelectorListenerAdapter() {
      @Override
      public void takeLeadership(CuratorFramework client) throws Exception {
        long started = System.nanoTime();
        long newTerm = nextTerm();
        leaseNanos = TimeUnit.MILLISECONDS.toNanos(client.getZookeeperClient().getZooKeeper().getSessionTimeout()) / 2;
        confirmedAtNanos = started;
        term = newTerm;
        onChange.accept(true);
        try {
          holdLeadership();
        } finally {
          term = 0;
          onChange.accept(false);
        }
      }
    });
    selector.setId(id);
    selector.autoRequeue();
  }

  /** Bumps the term node's version, creating the node on the first term: the new version is the term. */
  private long nextTerm() throws Exception {
    byte[] data = selector.getId().getBytes(StandardCharsets.UTF_8);
    Stat stat;
    try {
      stat = curator.setData().forPath(termPath, data);
    } catch (KeeperException.NoNodeException e) {
      try {
        curator.create().creatingParentContainersIfNeeded().forPath(termPath, data);
      } catch (KeeperException.NodeExistsException raced) {
        // Another candidate made it first; the setData below still bumps the version.
      }
      stat = curator.setData().forPath(termPath, data);
    }
    return stat.getVersion();
  }

  /** Renews the lease until interrupted (closed, or the connection suspended or lost). */
  private void holdLeadership() throws Exception {
    while (true) {
      Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(leaseNanos / 3)));
      long started = System.nanoTime();
      curator.checkExists().forPath(termPath);
      confirmedAtNanos = started;
    }
  }

  /** Joins the election; may block briefly, so callers use a worker thread. */
  void start() {
    selector.start();
  }

  /** @return the fencing token of this server's term, when it leads now under a fresh lease; else 0 */
  long leaseTerm() {
    long current = term;
    return current != 0 && System.nanoTime() - confirmedAtNanos < leaseNanos ? current : 0;
  }

  /** Leaves the election, giving up the leadership if held; may block, so callers use a worker thread. */
  void close() {
    selector.close();
  }
}
