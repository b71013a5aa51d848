package io.slacker.cluster.impl;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderSelector;
import org.apache.curator.framework.recipes.leader.LeaderSelectorListenerAdapter;

import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * One server's candidacy for the leadership of one service, on Curator's {@link LeaderSelector}.
 * Leadership is held by parking the selector's own thread until it is interrupted: by close,
 * or by Curator when the connection is suspended or lost, after which the candidate queues
 * again. (LeaderSelector rather than LeaderLatch: Curator 5.4's latch can keep believing it
 * leads after a session expiry, with its node gone.)
 */
final class ServiceLeaderSelector {

  private final LeaderSelector selector;
  private volatile boolean leading;

  ServiceLeaderSelector(CuratorFramework curator, String path, String id, Consumer<Boolean> onChange) {
    selector = new LeaderSelector(curator, path, new LeaderSelectorListenerAdapter() {
      @Override
      public void takeLeadership(CuratorFramework client) throws InterruptedException {
        leading = true;
        onChange.accept(true);
        try {
          new CountDownLatch(1).await();
        } finally {
          leading = false;
          onChange.accept(false);
        }
      }
    });
    selector.setId(id);
    selector.autoRequeue();
  }

  /** Joins the election; may block briefly, so callers use a worker thread. */
  void start() {
    selector.start();
  }

  boolean isLeader() {
    return leading;
  }

  /** Leaves the election, giving up the leadership if held; may block, so callers use a worker thread. */
  void close() {
    selector.close();
  }
}
