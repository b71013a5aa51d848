package io.slacker.cluster;

/**
 * ZooKeeper refused a node operation of a {@link ZookeeperDiscovery} for want of permission: the
 * node's ACL does not grant this session's identity what Slacker needs (docs/security.md). It
 * fails {@code listen()} or a publication on a server, and a watch, so a client's first call to
 * the service, as {@code UNAVAILABLE} with this as its cause. Retrying does not help; the
 * credentials or the ACL options must change.
 */
public class ZookeeperAccessException extends RuntimeException {

  private final String path;

  public ZookeeperAccessException(String path, String message) {
    super(message);
    this.path = path;
  }

  /** @return the ZooKeeper node the operation was refused on */
  public String path() {
    return path;
  }
}
