package io.slacker.cluster.impl;

import io.vertx.core.net.SocketAddress;

/** The ZooKeeper node layout of one cluster (docs/cluster.md). */
final class ClusterPaths {

  private final String cluster;

  ClusterPaths(String rootPath, String cluster) {
    this.cluster = rootPath + "/" + cluster;
  }

  /** {@code <root>/<cluster>/servers}: parent of every registered server's node. */
  String servers() {
    return cluster + "/servers";
  }

  /** {@code <root>/<cluster>/services}: parent of every service's node. */
  String services() {
    return cluster + "/services";
  }

  /** {@code <root>/<cluster>/servers/<host:port>}: ephemeral, the server's data. */
  String server(SocketAddress address) {
    return cluster + "/servers/" + ServerAddresses.format(address);
  }

  /** {@code <root>/<cluster>/services/<service>}: parent of the service's members and its election. */
  String service(String service) {
    return cluster + "/services/" + service;
  }

  /** {@code <root>/<cluster>/services/<service>/<host:port>}: ephemeral, the server is in rotation. */
  String member(String service, SocketAddress address) {
    return service(service) + "/" + ServerAddresses.format(address);
  }

  /** {@code <root>/<cluster>/sets}: parent of every service set. */
  String sets() {
    return cluster + "/sets";
  }

  /** {@code <root>/<cluster>/sets/<set>}: parent of the servers that run that set of services. */
  String set(String set) {
    return sets() + "/" + set;
  }

  /** {@code <root>/<cluster>/sets/<set>/<host:port>}: ephemeral, the server, its data and the services of its set it has out of rotation. */
  String setMember(String set, SocketAddress address) {
    return set(set) + "/" + ServerAddresses.format(address);
  }

  /** {@code <root>/<cluster>/services/<service>/_sets}: parent of the index of the sets that include the service. */
  String serviceSets(String service) {
    return service(service) + "/" + NodeNames.SETS_NODE;
  }

  /** {@code <root>/<cluster>/services/<service>/_sets/<set>}: persistent, empty: the set includes the service. */
  String serviceSet(String service, String set) {
    return serviceSets(service) + "/" + set;
  }

  /** {@code <root>/<cluster>/services/<service>/_leader}: the leader election (LeaderSelector lock nodes) of the service. */
  String leader(String service) {
    return service(service) + "/" + NodeNames.LEADER_NODE;
  }

  /** {@code <root>/<cluster>/services/<service>/_term}: persistent; its version is the latest leadership term. */
  String term(String service) {
    return service(service) + "/" + NodeNames.TERM_NODE;
  }
}
