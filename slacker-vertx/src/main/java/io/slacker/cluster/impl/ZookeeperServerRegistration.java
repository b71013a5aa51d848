package io.slacker.cluster.impl;

import io.slacker.cluster.ServerData;
import io.slacker.cluster.ServerRegistration;
import io.slacker.cluster.ZookeeperAccessException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.SocketAddress;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A server's presence in ZooKeeper: one node, {@code sets/<set>/<host:port>}, in the set of the
 * services it runs, whose data says which of them are in rotation; and, for each service of a
 * new set, an index node naming the set under the service (docs/cluster.md §1). Joining and
 * leaving cost one node whatever the number of services; taking one service offline rewrites
 * that node's data. The node is a {@link MemberNode}, ephemeral, so it vanishes with the process
 * and comes back after a session expiry; leader-routed services add a {@link ServiceLeaderSelector}.
 *
 * <p>Changes are applied one at a time on the registration's context, each with every change
 * asked for meanwhile: publishing fifty services at start is one node. Curator recipes are
 * started and closed on worker threads, because closing one deletes its node synchronously.
 */
final class ZookeeperServerRegistration implements ServerRegistration {

  /** Attempts at creating a set's index when another server creates the same nodes at the same time. */
  private static final int INDEX_ATTEMPTS = 5;
  /**
   * How long a change waits for others before it is written: services published one after the
   * other from another thread then make one set, not a set per service, each with an index of its own.
   */
  private static final long COALESCE_MILLIS = 20;

  private final ContextInternal context;
  private final CuratorFramework curator;
  private final NodeAccess access;
  private final ClusterPaths paths;
  private final SocketAddress address;
  private final String id;
  /** Every service this server has published: its service set. Guarded by this. */
  private final Set<String> set = new TreeSet<>();
  /** The services in rotation, with their elections. */
  private final Map<String, Published> services = new ConcurrentHashMap<>();
  private volatile ServerData data;
  private volatile Handler<String> leadershipHandler;
  /** Guarded by this: the changes waiting for the next sync, whether one runs, and whether the server left. */
  private List<Promise<Void>> waiting = new ArrayList<>();
  private boolean syncing;
  private boolean closed;
  /** The node as last written; touched by the sync on the context only. */
  private MemberNode node;
  private String nodeSet;
  private byte[] nodeData;

  private record Published(ServiceLeaderSelector leader) {
  }

  private ZookeeperServerRegistration(ContextInternal context, CuratorFramework curator, NodeAccess access,
                                      ClusterPaths paths, SocketAddress address, ServerData data) {
    this.context = context;
    this.curator = curator;
    this.access = access;
    this.paths = paths;
    this.address = address;
    // The election id names the process, not just the address: a restart at the same address is another incarnation.
    this.id = ServerAddresses.format(address) + (data.getIncarnation() == null ? "" : "#" + data.getIncarnation());
    this.data = data;
  }

  /** Creates the server's node, in the empty set until it publishes; completes once it exists in ZooKeeper. */
  static Future<ServerRegistration> start(ContextInternal context, CuratorFramework curator, NodeAccess access,
                                          ClusterPaths paths, SocketAddress address, ServerData data) {
    ZookeeperServerRegistration registration = new ZookeeperServerRegistration(context, curator, access, paths, address, data);
    return registration.sync().map(registration);
  }

  @Override
  public Future<Void> publish(String service, boolean electLeader) {
    NodeNames.requireValid("service", service);
    Published published;
    synchronized (this) {
      if (closed) {
        return context.failedFuture(new IllegalStateException("the server left discovery"));
      }
      if (services.containsKey(service)) {
        return context.succeededFuture();
      }
      published = new Published(electLeader
          ? new ServiceLeaderSelector(curator, paths.leader(service), paths.term(service), id, leading -> notifyLeadership(service))
          : null);
      services.put(service, published);
      set.add(service);
    }
    // The election starts once the node shows the service in rotation, so a new leader is always
    // already in rotation; a service withdrawn meanwhile starts none.
    return sync(true)
        .compose(v -> published.leader() == null || services.get(service) != published
            ? context.<Void>succeededFuture()
            : context.<Void>executeBlocking(() -> {
              published.leader().start();
              return null;
            }))
        .onFailure(refused -> services.remove(service, published));
  }

  @Override
  public Future<Void> withdraw(String service) {
    Published published = services.remove(service);
    if (published == null) {
      return context.succeededFuture();
    }
    // Leadership goes first: a leader is never out of rotation.
    return context.<Void>executeBlocking(() -> {
      if (published.leader() != null) {
        published.leader().close();
      }
      return null;
    }).compose(v -> sync());
  }

  @Override
  public long leaderTerm(String service) {
    Published published = services.get(service);
    return published != null && published.leader() != null ? published.leader().leaseTerm() : 0;
  }

  @Override
  public ServerRegistration leadershipHandler(Handler<String> handler) {
    this.leadershipHandler = handler;
    return this;
  }

  @Override
  public Future<Void> updateData(ServerData newData) {
    this.data = new ServerData(newData);
    return sync();
  }

  @Override
  public ServerData data() {
    return new ServerData(data);
  }

  @Override
  public Future<Void> close() {
    List<Published> leaving;
    synchronized (this) {
      closed = true;
      leaving = new ArrayList<>(services.values());
      services.clear();
    }
    return context.<Void>executeBlocking(() -> {
      for (Published published : leaving) {
        if (published.leader() != null) {
          published.leader().close();
        }
      }
      return null;
    }).compose(v -> sync());
  }

  private void notifyLeadership(String service) {
    Handler<String> handler = leadershipHandler;
    if (handler != null) {
      context.runOnContext(v -> handler.handle(service));
    }
  }

  /** @return completes once ZooKeeper holds the state as it is now, or later */
  private Future<Void> sync() {
    return sync(false);
  }

  /**
   * @param coalesce wait {@value #COALESCE_MILLIS} ms for more changes before writing, as publishing
   *     does: what leaves rotation is written at once
   */
  private Future<Void> sync(boolean coalesce) {
    Promise<Void> done = context.promise();
    synchronized (this) {
      waiting.add(done);
      if (syncing) {
        return done.future();
      }
      syncing = true;
    }
    if (coalesce) {
      context.setTimer(COALESCE_MILLIS, t -> syncNext());
    } else {
      context.runOnContext(v -> syncNext());
    }
    return done.future();
  }

  private void syncNext() {
    List<Promise<Void>> batch;
    List<String> wanted;
    byte[] bytes;
    boolean leave;
    synchronized (this) {
      if (waiting.isEmpty()) {
        syncing = false;
        return;
      }
      batch = waiting;
      waiting = new ArrayList<>();
      wanted = List.copyOf(set);
      bytes = MemberData.encode(data, set, services.keySet());
      leave = closed;
    }
    Future<Void> applied = leave ? removeNode() : apply(ServiceSets.id(wanted), wanted, bytes);
    applied.onComplete(result -> {
      for (Promise<Void> promise : batch) {
        if (result.succeeded()) {
          promise.tryComplete();
        } else {
          promise.tryFail(result.cause());
        }
      }
      syncNext();
    });
  }

  /** Writes the node: its data when the set is the same, else a node in the new set, then the old one goes. */
  private Future<Void> apply(String newSet, List<String> setServices, byte[] bytes) {
    if (node != null && newSet.equals(nodeSet)) {
      return Arrays.equals(bytes, nodeData) ? context.succeededFuture() : node.setData(bytes).onSuccess(v -> nodeData = bytes);
    }
    String path = paths.setMember(newSet, address);
    // ZooKeeper's refusal is checked once, for the first node: a move stays under sets/, which the same identity owns.
    Future<Void> allowed = node == null ? access.checkCreatable(context, path) : context.succeededFuture();
    return allowed
        .compose(v -> context.<Void>executeBlocking(() -> {
          index(newSet, setServices);
          return null;
        }))
        .compose(v -> MemberNode.start(context, curator, access, path, bytes))
        .compose(created -> {
          MemberNode old = node;
          node = created;
          nodeSet = newSet;
          nodeData = bytes;
          return old == null ? context.succeededFuture() : old.close();
        });
  }

  /**
   * Names the set under each of its services, in one transaction for the index nodes that are
   * missing and their parents: only the first server of a set writes them, and they stay for the next.
   */
  private void index(String newSet, List<String> setServices) throws Exception {
    if (!setServices.isEmpty()) {
      curator.createContainers(paths.services());
    }
    for (int attempt = 1; ; attempt++) {
      List<String> entries = setServices.stream().map(service -> paths.serviceSet(service, newSet)).toList();
      Set<String> missing = missing(entries);
      if (missing.isEmpty()) {
        return;
      }
      List<String> parents = new ArrayList<>();
      for (String service : setServices) {
        if (missing.contains(paths.serviceSet(service, newSet))) {
          parents.add(paths.service(service));
          parents.add(paths.serviceSets(service));
        }
      }
      Set<String> missingParents = missing(parents);
      List<CuratorOp> operations = new ArrayList<>();
      for (String parent : parents) {
        if (missingParents.contains(parent)) {
          operations.add(curator.transactionOp().create().withMode(CreateMode.CONTAINER).forPath(parent));
        }
      }
      for (String entry : entries) {
        if (missing.contains(entry)) {
          operations.add(curator.transactionOp().create().withMode(CreateMode.PERSISTENT).forPath(entry));
        }
      }
      try {
        curator.transaction().forOperations(operations);
        return;
      } catch (KeeperException.NodeExistsException another) {
        // Another server of the same set wrote part of it first: write what is still missing.
        if (attempt == INDEX_ATTEMPTS) {
          throw another;
        }
      } catch (KeeperException failed) {
        String path = failed.getPath() != null ? failed.getPath() : paths.serviceSets(setServices.get(0));
        ZookeeperAccessException refused = access.refusal(failed.code().intValue(), path, "create");
        throw refused != null ? refused : failed;
      }
    }
  }

  /** @return those of {@code paths} that do not exist, asked all at once: one round trip, not one per path */
  private Set<String> missing(List<String> paths) throws Exception {
    Set<String> missing = ConcurrentHashMap.newKeySet();
    CountDownLatch answered = new CountDownLatch(paths.size());
    for (String path : paths) {
      curator.checkExists().inBackground((client, event) -> {
        if (event.getStat() == null) {
          missing.add(path);
        }
        answered.countDown();
      }).forPath(path);
    }
    if (!answered.await(curator.getZookeeperClient().getConnectionTimeoutMs() * 4L, TimeUnit.MILLISECONDS)) {
      throw new KeeperException.ConnectionLossException();
    }
    return missing;
  }

  private Future<Void> removeNode() {
    MemberNode current = node;
    node = null;
    nodeSet = null;
    return current == null ? context.succeededFuture() : current.close();
  }
}
