package io.slacker.cluster;

import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;

/** A server of the {@link Who} service in this JVM, with its own discovery (its own ZooKeeper session). */
final class ClusterNode {

  final SlackerServer server;
  final Who.Impl who;
  final ServiceDiscovery discovery;
  SocketAddress address;

  private ClusterNode(SlackerServer server, Who.Impl who, ServiceDiscovery discovery) {
    this.server = server;
    this.who = who;
    this.discovery = discovery;
  }

  static ClusterNode start(Vertx vertx, ServiceDiscovery discovery, ClusterServerOptions cluster) throws Exception {
    return start(vertx, discovery, new SlackerServerOptions().setHost("127.0.0.1").setPort(0).setCluster(cluster));
  }

  static ClusterNode start(Vertx vertx, ServiceDiscovery discovery, SlackerServerOptions options) throws Exception {
    Who.Impl who = new Who.Impl(vertx);
    SlackerServer server = SlackerServer.create(vertx, options, discovery);
    server.register(Who.class, who);
    who.self(() -> "127.0.0.1:" + server.actualPort());
    ClusterNode node = new ClusterNode(server, who, discovery);
    Await.result(server.listen());
    node.address = SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
    return node;
  }

  String name() {
    return address.host() + ":" + address.port();
  }

  void close() throws Exception {
    Await.result(server.close());
    Await.result(discovery.close());
  }
}
