package io.slacker.cluster.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.BackgroundCallback;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A server's ephemeral node, kept in ZooKeeper with its latest data until it is closed.
 *
 * <p>It comes back in three cases:
 * <ul>
 *   <li>when the session that held it expired, as soon as the connection-state listener hears of
 *       the new session. {@link JitteredRecovery} hands that on after a random delay, so the
 *       servers of a cluster that lost ZooKeeper come back spread out, not in one burst;</li>
 *   <li>and then, when its node of the expired session is still there (a session the client gave
 *       up on lives on in ZooKeeper until ZooKeeper times it out), by replacing that node in one
 *       transaction, without waiting for ZooKeeper to drop it;</li>
 *   <li>when the node is deleted under it, or when the node it found of another session (an
 *       earlier process at the same address) goes with that session.</li>
 * </ul>
 * Curator's {@code PersistentNode} re-creates such nodes when those of the expired sessions vanish,
 * which ZooKeeper does for all of them at the same moment: a burst, whatever the jitter.
 *
 * <p>State is touched on the registration's context only; Curator is called from a worker, as
 * its builders load classes and queue work when first used, and answers on its own threads.
 */
final class MemberNode {

  private static final Logger LOG = LoggerFactory.getLogger(MemberNode.class);

  private final ContextInternal context;
  private final CuratorFramework curator;
  private final NodeAccess access;
  private final String path;
  private final ConnectionStateListener connectionListener;
  private final Watcher watcher;
  private final Promise<Void> created;

  private byte[] data;
  /** Counts the data asked for; {@code written} is the count ZooKeeper is known to hold. */
  private long version;
  private long written = -1;
  private final List<Waiter> waiters = new ArrayList<>();
  /** The session this node created its node in, last; 0 before. */
  private long mine;
  /** An operation is under way: whatever happens meanwhile is checked again when it ends. */
  private boolean busy;
  private boolean recheck;
  private boolean closed;
  private Promise<Void> deleted;

  private record Waiter(long version, Promise<Void> promise) {
  }

  private MemberNode(ContextInternal context, CuratorFramework curator, NodeAccess access, String path, byte[] data) {
    this.context = context;
    this.curator = curator;
    this.access = access;
    this.path = path;
    this.data = data;
    this.created = context.promise();
    this.connectionListener = (client, state) -> {
      if (state == ConnectionState.CONNECTED || state == ConnectionState.RECONNECTED) {
        context.runOnContext(v -> reconnected());
      }
    };
    this.watcher = event -> context.runOnContext(v -> watched(event));
  }

  /** Creates the node; completes once ZooKeeper holds it with {@code data}, and fails only if ZooKeeper refuses it. */
  static Future<MemberNode> start(ContextInternal context, CuratorFramework curator, NodeAccess access, String path,
                                  byte[] data) {
    MemberNode node = new MemberNode(context, curator, access, path, data);
    curator.getConnectionStateListenable().addListener(node.connectionListener);
    context.runOnContext(v -> node.create());
    return node.created.future().map(node);
  }

  /** Completes once ZooKeeper holds {@code bytes}, or a later write; fails if the write failed after Curator's retries. */
  Future<Void> setData(byte[] bytes) {
    Promise<Void> done = context.promise();
    context.runOnContext(v -> {
      data = bytes;
      waiters.add(new Waiter(++version, done));
      if (!busy) {
        write();
      }
    });
    return done.future();
  }

  /** Deletes the node, once any operation under way has ended; completes when it is gone or ZooKeeper is out of reach. */
  Future<Void> close() {
    Promise<Void> done = context.promise();
    context.runOnContext(v -> {
      if (closed) {
        deleted.future().onComplete(done);
        return;
      }
      closed = true;
      deleted = done;
      curator.getConnectionStateListenable().removeListener(connectionListener);
      created.tryFail("the node was closed before it was created");
      answer(Long.MAX_VALUE, new IllegalStateException("the node was closed"));
      if (!busy) {
        delete();
      }
    });
    return done.future();
  }

  private void create() {
    long sent = version;
    call(event -> {
      Code code = Code.get(event.getResultCode());
      if (code == Code.OK || code == Code.NODEEXISTS) {
        inspect(code == Code.OK ? sent : -1);
      } else {
        failed(code, "create");
      }
    }, callback -> curator.create().creatingParentContainersIfNeeded().withMode(CreateMode.EPHEMERAL)
        .inBackground(callback).forPath(path, data));
  }

  /**
   * Watches the node and decides from its owner what to do: nothing more if it is this session's,
   * replace it if it was left by this node's expired session, write the data into one of another
   * session and wait for it to go.
   *
   * @param sent the data version just created, or -1 if the node was already there
   */
  private void inspect(long sent) {
    call(event -> {
      Code code = Code.get(event.getResultCode());
      Stat stat = event.getStat();
      if (code == Code.NONODE || (code == Code.OK && stat == null)) {
        create();
      } else if (code != Code.OK) {
        failed(code, "read");
      } else if (stat.getEphemeralOwner() == ZookeeperSession.idOf(curator)) {
        mine = stat.getEphemeralOwner();
        if (sent >= 0) {
          answer(sent, null);
        }
        done();
      } else if (stat.getEphemeralOwner() == mine) {
        // Ours, of the session that expired: ZooKeeper would drop it later, and clients would see the server go.
        replace(stat);
      } else {
        LOG.info("{} is held by another ZooKeeper session (an earlier process at this address?): writing to it until it"
            + " goes with that session, then creating it again", path);
        done();
      }
    }, callback -> curator.checkExists().usingWatcher(watcher).inBackground(callback).forPath(path));
  }

  /** Deletes the node of the expired session and creates this session's in one transaction: one write, no moment without it. */
  private void replace(Stat stale) {
    long sent = version;
    call(event -> {
      Code code = Code.get(event.getResultCode());
      if (code == Code.OK) {
        inspect(sent);
      } else if (code == Code.NONODE || code == Code.BADVERSION || code == Code.NODEEXISTS) {
        // It changed meanwhile: look again.
        create();
      } else {
        failed(code, "create");
      }
    }, callback -> curator.transaction().inBackground(callback).forOperations(
        curator.transactionOp().delete().withVersion(stale.getVersion()).forPath(path),
        curator.transactionOp().create().withMode(CreateMode.EPHEMERAL).forPath(path, data)));
  }

  private void write() {
    long sent = version;
    call(event -> {
      Code code = Code.get(event.getResultCode());
      if (code == Code.OK) {
        answer(sent, null);
        done();
      } else if (code == Code.NONODE) {
        create();
      } else {
        failed(code, "write");
      }
    }, callback -> curator.setData().inBackground(callback).forPath(path, data));
  }

  private void delete() {
    call(event -> {
      Code code = Code.get(event.getResultCode());
      if (code != Code.OK && code != Code.NONODE) {
        // Curator deletes it when the connection is back, as guaranteed() asks; its session would anyway.
        LOG.debug("{} not deleted yet: {}", path, code);
      }
      deleted.tryComplete();
    }, callback -> curator.delete().guaranteed().inBackground(callback).forPath(path));
  }

  /** An operation ended with the node as wanted: the data may have changed meanwhile, or the connection. */
  private void done() {
    busy = false;
    if (closed) {
      delete();
    } else if (recheck) {
      recheck = false;
      inspect(-1);
    } else if (written < version) {
      write();
    }
  }

  /** ZooKeeper could not be reached, or refused: reachable again, the connection listener tries once more. */
  private void failed(Code code, String operation) {
    busy = false;
    var refused = access.refusal(code.intValue(), path, operation);
    if (refused != null) {
      created.tryFail(refused);
    }
    Exception cause = refused != null ? refused : new IllegalStateException("ZooKeeper did not " + operation + " " + path + ": " + code);
    answer(version, cause);
    if (closed) {
      // A create whose answer was lost may have made the node all the same.
      delete();
    } else {
      recheck = true;
      LOG.debug("{} of {} failed ({}); trying again once connected", operation, path, code);
    }
  }

  private void reconnected() {
    if (closed) {
      return;
    }
    long session = ZookeeperSession.idOf(curator);
    boolean newSession = mine != 0 && session != mine;
    if (busy) {
      recheck = true;
    } else if (newSession || recheck) {
      recheck = false;
      create();
    }
  }

  private void watched(WatchedEvent event) {
    // Events without a type are about the connection, which the listener handles.
    if (closed || event.getType() == Watcher.Event.EventType.None) {
      return;
    }
    if (busy) {
      recheck = true;
    } else {
      inspect(-1);
    }
  }

  /** Completes the waiters for data up to {@code upTo}: successfully if {@code failure} is null. */
  private void answer(long upTo, Exception failure) {
    if (failure == null) {
      written = Math.max(written, upTo);
      created.tryComplete();
    }
    waiters.removeIf(waiter -> {
      if (waiter.version() > upTo) {
        return false;
      }
      if (failure == null) {
        waiter.promise().tryComplete();
      } else {
        waiter.promise().tryFail(failure);
      }
      return true;
    });
  }

  /** Sends one operation from a worker; its answer comes back on the context. */
  private void call(Consumer<CuratorEvent> answered, Operation operation) {
    busy = true;
    NodeAccess.onWorker(context, () -> {
      try {
        operation.send((client, event) -> context.runOnContext(v -> answered.accept(event)));
      } catch (Exception e) {
        LOG.warn("Could not send an operation on {}", path, e);
        context.runOnContext(v -> {
          if (closed) {
            busy = false;
            deleted.tryComplete();
          } else {
            failed(Code.SYSTEMERROR, "send an operation on");
          }
        });
      }
    });
  }

  @FunctionalInterface
  private interface Operation {
    void send(BackgroundCallback callback) throws Exception;
  }
}
