package io.slacker.cluster.impl;

import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.ZookeeperAccessException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.SocketAddress;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.zookeeper.KeeperException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One-off reads of a cluster's whole membership, for tools (the CLI's {@code ls}, the gateway's
 * service list) rather than for routing, which watches one service at a time. Nodes that are not
 * Slacker's ({@code host:port} names, server data JSON) are left out, as the watches do.
 */
final class ClusterListing {

  private final ContextInternal context;
  private final CuratorFramework curator;
  private final ClusterPaths paths;

  ClusterListing(ContextInternal context, CuratorFramework curator, ClusterPaths paths) {
    this.context = context;
    this.curator = curator;
    this.paths = paths;
  }

  /** @return the names of the services with a node in the cluster, sorted; empty for a cluster never used */
  Future<List<String>> services() {
    return children(paths.services()).map(names -> names.stream().sorted().toList());
  }

  /**
   * @return the servers registered in the cluster, in rotation or offline, sorted by address: the
   *     members of every service set, and the server nodes of servers of the earlier layout
   */
  Future<List<ServerInstance>> servers() {
    Future<List<Future<ServerInstance>>> inSets = children(paths.sets()).compose(sets -> {
      List<Future<List<Future<ServerInstance>>>> perSet = new ArrayList<>();
      for (String set : sets) {
        perSet.add(members(paths.set(set)));
      }
      return Future.join(perSet).map(all -> {
        List<Future<ServerInstance>> reads = new ArrayList<>();
        for (int i = 0; i < perSet.size(); i++) {
          if (all.succeeded(i)) {
            reads.addAll(all.resultAt(i));
          }
        }
        return reads;
      });
    });
    return Future.all(inSets, members(paths.servers())).compose(both -> {
      List<Future<ServerInstance>> reads = new ArrayList<>(both.<List<Future<ServerInstance>>>resultAt(1));
      reads.addAll(both.resultAt(0));
      return Future.join(reads).map(all -> {
        Map<SocketAddress, ServerInstance> servers = new LinkedHashMap<>();
        for (int i = 0; i < reads.size(); i++) {
          ServerInstance server = all.resultAt(i);
          if (all.succeeded(i) && server != null) {
            servers.put(server.address(), server);
          }
        }
        List<ServerInstance> sorted = new ArrayList<>(servers.values());
        sorted.sort(Comparator.comparing(ServerInstance::toString));
        return sorted;
      });
    });
  }

  /** @return a read of each {@code host:port} child of {@code parent}, as a server; {@code null} for one that is not */
  private Future<List<Future<ServerInstance>>> members(String parent) {
    return children(parent).map(names -> {
      List<Future<ServerInstance>> reads = new ArrayList<>();
      for (String name : names) {
        if (ServerAddresses.parse(name) != null) {
          String path = parent + "/" + name;
          reads.add(data(path).map(bytes -> bytes == null ? null : MemberData.read(new ChildData(path, null, bytes)).server()));
        }
      }
      return reads;
    });
  }

  /** @return the children of {@code path}; none when it does not exist */
  private Future<List<String>> children(String path) {
    Promise<List<String>> done = context.promise();
    read(done, () -> curator.getChildren().inBackground((client, event) -> {
      if (event.getResultCode() == KeeperException.Code.NONODE.intValue()) {
        done.tryComplete(List.of());
      } else if (ok(event, path, done)) {
        done.tryComplete(event.getChildren());
      }
    }).forPath(path));
    return done.future();
  }

  /** @return the data of {@code path}; {@code null} when the node went away meanwhile */
  private Future<byte[]> data(String path) {
    Promise<byte[]> done = context.promise();
    read(done, () -> curator.getData().inBackground((client, event) -> {
      if (event.getResultCode() == KeeperException.Code.NONODE.intValue()) {
        done.tryComplete(null);
      } else if (ok(event, path, done)) {
        done.tryComplete(event.getData());
      }
    }).forPath(path));
    return done.future();
  }

  private static boolean ok(CuratorEvent event, String path, Promise<?> done) {
    KeeperException.Code code = KeeperException.Code.get(event.getResultCode());
    if (code == KeeperException.Code.OK) {
      return true;
    }
    done.tryFail(code == KeeperException.Code.NOAUTH
        ? new ZookeeperAccessException(path, "ZooKeeper refused to read " + path + " (NoAuth) to this session")
        : KeeperException.create(code, path));
    return false;
  }

  /** Curator's builders load classes and queue work on first use: on a worker, never an event loop. */
  private void read(Promise<?> done, Operation operation) {
    context.executeBlocking(() -> {
      operation.run();
      return null;
    }).onFailure(done::tryFail);
  }

  @FunctionalInterface
  private interface Operation {
    void run() throws Exception;
  }
}
