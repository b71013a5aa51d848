package io.slacker.cluster.impl;

import io.slacker.cluster.ZookeeperDiscoveryOptions;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ACL of every node Slacker creates, parents included (docs/security.md): the creating identity
 * may do anything, listed writers may read and change, and reading is open to anyone unless readers
 * are listed. ZooKeeper expands the {@code auth} id to the identities the creating session
 * authenticated as (digest, SASL or x509); a session with none is refused the node.
 */
final class NodeAcls implements ACLProvider {

  private static final int WRITER_PERMS = ZooDefs.Perms.READ | ZooDefs.Perms.WRITE | ZooDefs.Perms.CREATE | ZooDefs.Perms.DELETE;

  private final List<ACL> acl;

  private NodeAcls(List<ACL> acl) {
    // Not List.copyOf: ZooKeeper checks the list with contains(null), which immutable lists refuse.
    this.acl = Collections.unmodifiableList(new ArrayList<>(acl));
  }

  /** @return the ACLs {@code options} ask for; without any ACL option, ZooKeeper's open ACL */
  static NodeAcls of(ZookeeperDiscoveryOptions options) {
    if (!options.hasAcls()) {
      return new NodeAcls(ZooDefs.Ids.OPEN_ACL_UNSAFE);
    }
    requireIdentity(options);
    List<ACL> acl = new ArrayList<>(ZooDefs.Ids.CREATOR_ALL_ACL);
    options.getWriters().forEach(id -> acl.add(new ACL(WRITER_PERMS, id(id))));
    if (options.getReaders().isEmpty()) {
      acl.addAll(ZooDefs.Ids.READ_ACL_UNSAFE);
    } else {
      options.getReaders().forEach(id -> acl.add(new ACL(ZooDefs.Perms.READ, id(id))));
    }
    return new NodeAcls(acl);
  }

  /** Only an authenticated session can own its nodes: the options must give it an identity. */
  private static void requireIdentity(ZookeeperDiscoveryOptions options) {
    if ((options.getDigestUser() == null) != (options.getDigestPassword() == null)) {
      throw new IllegalArgumentException("digestUser and digestPassword go together: set both or neither");
    }
    if (options.getDigestUser() == null && !options.isSasl()) {
      throw new IllegalArgumentException("readers and writers need an identity to own the nodes:"
          + " set digestUser and digestPassword, or sasl");
    }
  }

  private static Id id(String schemeAndId) {
    int colon = schemeAndId.indexOf(':');
    return new Id(schemeAndId.substring(0, colon), schemeAndId.substring(colon + 1));
  }

  @Override
  public List<ACL> getDefaultAcl() {
    return acl;
  }

  @Override
  public List<ACL> getAclForPath(String path) {
    return acl;
  }
}
