package io.slacker.chaos;

import org.apache.zookeeper.server.quorum.QuorumPeerMain;

/**
 * ZooKeeper's own {@link QuorumPeerMain} (arg: its zoo.cfg), plus one thing: it exits when its
 * standard input closes, so an ensemble member never outlives the harness that forked it.
 */
public final class ZookeeperNode {

  private ZookeeperNode() {
  }

  public static void main(String[] args) {
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Wait for the harness to go away.
        }
      } catch (java.io.IOException e) {
        // The pipe broke: the harness is gone too.
      }
      Runtime.getRuntime().halt(0);
    }, "harness-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    QuorumPeerMain.main(args);
  }
}
