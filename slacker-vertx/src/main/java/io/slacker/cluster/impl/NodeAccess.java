package io.slacker.cluster.impl;

import io.slacker.cluster.ZookeeperAccessException;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

import java.util.function.BooleanSupplier;

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
  private final BooleanSupplier authFailed;

  NodeAccess(CuratorFramework curator, String identity, BooleanSupplier authFailed) {
    this.curator = curator;
    this.identity = identity;
    this.authFailed = authFailed;
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
   * Checks that this session may create the ephemeral node {@code path}, by a transaction that
   * creates it and deletes it again: ZooKeeper applies it whole or not at all, so no node is left
   * and the recipe that keeps the node still makes it first. Missing parents are created, as the
   * recipe would. Completes unless ZooKeeper refuses the creation to this identity.
   */
  Future<Void> checkCreatable(ContextInternal context, String path) {
    Promise<Void> done = context.promise();
    onWorker(context, () -> createAndDelete(path, true, done));
    return done.future();
  }

  private void createAndDelete(String path, boolean createParents, Promise<Void> done) {
    try {
      curator.transaction().inBackground((client, event) -> {
        int code = event.getResultCode();
        if (code == KeeperException.Code.NONODE.intValue() && createParents) {
          createParents(path, done);
          return;
        }
        complete(done, refusal(code, path, "create"));
      }).forOperations(
          curator.transactionOp().create().withMode(CreateMode.EPHEMERAL).forPath(path, new byte[0]),
          curator.transactionOp().delete().forPath(path));
    } catch (Exception e) {
      done.tryFail(e);
    }
  }

  private void createParents(String path, Promise<Void> done) {
    String parent = ZKPaths.getPathAndNode(path).getPath();
    try {
      curator.create().creatingParentContainersIfNeeded().withMode(CreateMode.CONTAINER).inBackground((client, event) -> {
        ZookeeperAccessException refused = refusal(event.getResultCode(), parent, "create");
        if (refused != null) {
          done.fail(refused);
        } else {
          createAndDelete(path, false, done);
        }
      }).forPath(parent);
    } catch (Exception e) {
      done.tryFail(e);
    }
  }

  /**
   * Reads the data of {@code path}, or of its nearest existing ancestor (small, unlike a list of
   * children); fails if ZooKeeper refuses this identity the read, completes on anything else.
   */
  Future<Void> checkReadable(ContextInternal context, String path) {
    Promise<Void> done = context.promise();
    onWorker(context, () -> read(path, done));
    return done.future();
  }

  private void read(String path, Promise<Void> done) {
    try {
      curator.getData().inBackground((client, event) -> {
        if (event.getResultCode() == KeeperException.Code.NONODE.intValue() && !"/".equals(path)) {
          read(ZKPaths.getPathAndNode(path).getPath(), done);
          return;
        }
        complete(done, refusal(event.getResultCode(), path, "read"));
      }).forPath(path);
    } catch (Exception e) {
      done.tryFail(e);
    }
  }

  /** Curator's builders load classes and queue work when first used: not on an event loop. Its callbacks run on its own threads. */
  static void onWorker(ContextInternal context, Runnable operation) {
    context.executeBlocking(() -> {
      operation.run();
      return null;
    });
  }

  private static void complete(Promise<Void> done, ZookeeperAccessException refused) {
    if (refused != null) {
      done.fail(refused);
    } else {
      done.complete();
    }
  }

  /** @return the refusal that {@code resultCode} means, or {@code null} if it is none */
  ZookeeperAccessException refusal(int resultCode, String path, String operation) {
    KeeperException.Code code = KeeperException.Code.get(resultCode);
    if ((code == KeeperException.Code.CONNECTIONLOSS || code == KeeperException.Code.SESSIONEXPIRED) && authFailed.getAsBoolean()) {
      // Curator replaces a session whose SASL login failed and reports the operations as lost connections.
      code = KeeperException.Code.AUTHFAILED;
    }
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
          + identity + ": the servers refused the session's SASL credentials; check the JAAS login section"
          + " (named by zookeeper.sasl.clientconfig, default 'Client')" + SEE);
      default -> null;
    };
  }
}
