package io.slacker.cluster.impl;

import io.slacker.cluster.ServerData;
import io.slacker.cluster.ServerRegistration;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.SocketAddress;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.zookeeper.CreateMode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * A server's nodes in ZooKeeper. Each is a Curator {@link PersistentNode} in ephemeral mode, so it
 * vanishes with the process and re-creates itself after a session expiry; leader-routed services
 * add a {@link ServiceLeaderSelector}. Curator recipes are started and closed on worker threads, in order,
 * because closing one deletes its node synchronously.
 */
final class ZookeeperServerRegistration implements ServerRegistration {

  private final ContextInternal context;
  private final CuratorFramework curator;
  private final NodeAccess access;
  private final ClusterPaths paths;
  private final SocketAddress address;
  private final String id;
  private final PersistentNode serverNode;
  private final Map<String, Published> services = new ConcurrentHashMap<>();
  private volatile ServerData data;
  private volatile Handler<String> leadershipHandler;

  private record Published(PersistentNode node, ServiceLeaderSelector leader, Promise<Void> created) {
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
    this.serverNode = new PersistentNode(curator, CreateMode.EPHEMERAL, false, paths.server(address), bytes(data));
  }

  /** Creates the server node; completes once it exists in ZooKeeper. */
  static Future<ServerRegistration> start(ContextInternal context, CuratorFramework curator, NodeAccess access,
                                          ClusterPaths paths, SocketAddress address, ServerData data) {
    ZookeeperServerRegistration registration = new ZookeeperServerRegistration(context, curator, access, paths, address, data);
    return registration.startNode(registration.serverNode, paths.server(address), context.promise(), () -> false)
        .map(registration);
  }

  @Override
  public Future<Void> publish(String service, boolean electLeader) {
    NodeNames.requireValid("service", service);
    if (services.containsKey(service)) {
      return context.succeededFuture();
    }
    PersistentNode node = new PersistentNode(curator, CreateMode.EPHEMERAL, false, paths.member(service, address), bytes(data));
    ServiceLeaderSelector leader = electLeader
        ? new ServiceLeaderSelector(curator, paths.leader(service), paths.term(service), id,
            leading -> notifyLeadership(service))
        : null;
    Promise<Void> created = context.promise();
    Published published = new Published(node, leader, created);
    services.put(service, published);
    BooleanSupplier withdrawn = () -> services.get(service) != published;
    // The election starts after the member node exists, so a new leader is always already in rotation;
    // a service withdrawn meanwhile starts none.
    return startNode(node, paths.member(service, address), created, withdrawn)
        .compose(v -> leader == null || withdrawn.getAsBoolean()
            ? context.<Void>succeededFuture()
            : context.<Void>executeBlocking(() -> {
              leader.start();
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
    // A publish still waiting for its node ends here rather than never.
    published.created().tryFail(new IllegalStateException("service '" + service + "' was withdrawn while it was being published"));
    return context.executeBlocking(() -> {
      if (published.leader() != null) {
        published.leader().close();
      }
      published.node().close();
      return null;
    });
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
    ServerData copy = new ServerData(newData);
    this.data = copy;
    byte[] bytes = bytes(copy);
    List<PersistentNode> nodes = new ArrayList<>();
    nodes.add(serverNode);
    services.values().forEach(p -> nodes.add(p.node()));
    return context.executeBlocking(() -> {
      for (PersistentNode node : nodes) {
        node.setData(bytes);
      }
      return null;
    });
  }

  @Override
  public ServerData data() {
    return new ServerData(data);
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> withdrawals = new ArrayList<>();
    for (String service : new ArrayList<>(services.keySet())) {
      withdrawals.add(withdraw(service));
    }
    return Future.join(withdrawals).otherwiseEmpty().compose(v -> context.executeBlocking(() -> {
      serverNode.close();
      return null;
    }));
  }

  private void notifyLeadership(String service) {
    Handler<String> handler = leadershipHandler;
    if (handler != null) {
      context.runOnContext(v -> handler.handle(service));
    }
  }

  /**
   * Starts {@code node} at {@code path}; {@code created} completes once it exists in ZooKeeper, or
   * fails if it is withdrawn first or ZooKeeper refuses it. The recipe would only log a refusal by
   * the ACLs and wait, so the creation is checked first.
   */
  private Future<Void> startNode(PersistentNode node, String path, Promise<Void> created, BooleanSupplier withdrawn) {
    node.getListenable().addListener(p -> created.tryComplete());
    return access.checkCreatable(context, path).compose(v -> context.executeBlocking(() -> {
      // A withdrawal during the check found the node not started, so closing it did nothing: start none.
      if (!withdrawn.getAsBoolean()) {
        node.start();
      }
      return null;
    })).compose(v -> created.future());
  }

  private static byte[] bytes(ServerData data) {
    return data.toJson().encode().getBytes(StandardCharsets.UTF_8);
  }
}
