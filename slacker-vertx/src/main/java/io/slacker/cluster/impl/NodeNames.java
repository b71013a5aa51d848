package io.slacker.cluster.impl;

/** Checks names that become ZooKeeper node names: service and cluster names. */
public final class NodeNames {

  /** The node under a service that holds its leader election; no service member can have this name. */
  public static final String LEADER_NODE = "_leader";
  /** The node under a service whose version counts its leadership terms: the fencing tokens. */
  public static final String TERM_NODE = "_term";
  /** The node under a service whose children name the service sets that include it. */
  public static final String SETS_NODE = "_sets";

  private NodeNames() {
  }

  /** @return {@code name} if it can be a single ZooKeeper node name */
  public static String requireValid(String what, String name) {
    if (name == null || name.isEmpty() || name.indexOf('/') >= 0 || name.equals(".") || name.equals("..")
        || name.equals("zookeeper") || name.equals(LEADER_NODE) || name.equals(TERM_NODE) || name.equals(SETS_NODE)) {
      throw new IllegalArgumentException(what + " name must be a single ZooKeeper node name (no '/', not '.', '..', 'zookeeper', '"
          + LEADER_NODE + "', '" + TERM_NODE + "' or '" + SETS_NODE + "'), got '" + name + "'");
    }
    return name;
  }
}
