package io.slacker.chaos;

/** A fault the suite injected: what, on whom, and from when to when ({@code System.nanoTime()}). */
record Fault(String kind, String target, long startNanos, long endNanos) {

  static final String KILL_SERVER = "SIGKILL server";
  static final String KILL_LEADER = "SIGKILL leader";
  static final String PAUSE_LEADER = "SIGSTOP leader";
  static final String KILL_ZOOKEEPER_NODE = "SIGKILL ZooKeeper node";
  static final String ZOOKEEPER_OUTAGE = "ZooKeeper ensemble down";
}
