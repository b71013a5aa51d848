package io.slacker.cluster.impl;

import io.slacker.cluster.ZookeeperAccessException;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

/**
 * Finds out, before a recipe does, whether ZooKeeper lets this session do what Slacker needs on a
 * path. Curator's recipes only log a refusal and wait; this turns it into a
 * {@link ZookeeperAccessException} that names the path, the identity and the fix. Anything but a
 * refusal (ZooKeeper unreachable, the node already there) is left to the recipes, as before.
 */
final class NodeAccess {

  private static final String SEE = " (docs/security.md, ZooKeeper ACLs)";

  private final CuratorFramework curator;
  /** Who this session is, for the messages: never a password. */
  private final String identity;

  NodeAccess(CuratorFramework curator, String identity) {
    this.curator = curator;
    this.identity = identity;
  }

  /** How {@code options} identify the session, or how an application's own Curator client does. */
  static String identity(ZookeeperDiscoveryOptions options, boolean ownClient) {
    if (!ownClient) {
      return "the identity of the Curator client given to the discovery";
    }
    if (options.getDigestUser() != null) {
      return "digest user '" + options.getDigestUser() + "'" + (options.isSasl() ? " and its SASL principal" : "");
    }
    return options.isSasl() ? "its SASL principal" : "no credentials";
  }

  /**
   * Creates the ephemeral node at {@code path}, and its missing parents, the way the recipe that
   * keeps it will; fails if ZooKeeper refuses that to this identity.
   *
   * @return whether this call created the node (not when it existed, or ZooKeeper was out of reach)
   */
  Future<Boolean> createEphemeral(ContextInternal context, String path, byte[] data) {
    Promise<Boolean> done = context.promise();
    try {
      curator.create().creatingParentContainersIfNeeded().withMode(CreateMode.EPHEMERAL)
          .inBackground((client, event) -> {
            ZookeeperAccessException refused = refusal(event, "create");
            if (refused != null) {
              done.fail(refused);
            } else {
              done.complete(event.getResultCode() == KeeperException.Code.OK.intValue());
            }
          })
          .forPath(path, data);
    } catch (Exception e) {
      done.tryFail(e);
    }
    return done.future();
  }

  /**
   * Lists {@code path}, or its nearest existing ancestor; fails if ZooKeeper refuses this identity
   * the read, completes on anything else.
   */
  Future<Void> checkReadable(ContextInternal context, String path) {
    Promise<Void> done = context.promise();
    list(path, done);
    return done.future();
  }

  private void list(String path, Promise<Void> done) {
    try {
      curator.getChildren().inBackground((client, event) -> {
        if (event.getResultCode() == KeeperException.Code.NONODE.intValue() && !"/".equals(path)) {
          list(ZKPaths.getPathAndNode(path).getPath(), done);
          return;
        }
        ZookeeperAccessException refused = refusal(event, "read");
        if (refused != null) {
          done.fail(refused);
        } else {
          done.complete();
        }
      }).forPath(path);
    } catch (Exception e) {
      done.tryFail(e);
    }
  }

  private ZookeeperAccessException refusal(CuratorEvent event, String operation) {
    KeeperException.Code code = KeeperException.Code.get(event.getResultCode());
    String path = event.getPath();
    return switch (code) {
      case NOAUTH -> new ZookeeperAccessException(path, "ZooKeeper refused to " + operation + " " + path
          + " (NoAuth) to this session, which has " + identity + ": "
          + ("read".equals(operation)
              ? "the servers restrict reading to the ids in their 'readers' option; give this discovery one of them"
              : "the node above it belongs to another identity; the servers of a cluster share one identity"
                  + " (digestUser/digestPassword or sasl), or list each other in 'writers'")
          + SEE);
      case INVALIDACL -> new ZookeeperAccessException(path, "ZooKeeper refused the ACL of " + path
          + " (InvalidACL): the session has no authenticated identity to own the node although " + identity
          + " was configured; with sasl, check java.security.auth.login.config and its 'Client' section,"
          + " and that the ZooKeeper servers enable SASL" + SEE);
      case AUTHFAILED -> new ZookeeperAccessException(path, "ZooKeeper authentication failed (AuthFailed) for "
          + identity + SEE);
      default -> null;
    };
  }
}
