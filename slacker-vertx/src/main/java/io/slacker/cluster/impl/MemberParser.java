package io.slacker.cluster.impl;

import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.ServiceMembers;
import io.vertx.core.net.SocketAddress;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the cached nodes under one service into a {@link ServiceMembers} snapshot. A node whose
 * name is not {@code host:port} or whose data is not valid server data is skipped with a
 * warning, logged once per node version, so one bad node never hides the good ones.
 */
final class MemberParser {

  private static final Logger log = LoggerFactory.getLogger(MemberParser.class);
  private static final int SEQUENCE_DIGITS = 10;

  private final String service;
  private final String servicePath;
  private final String leaderPath;
  private final String termPath;
  private final String setsPath;
  private final Set<String> warned = new HashSet<>();

  MemberParser(String service, String servicePath, String leaderPath, String termPath) {
    this.service = service;
    this.servicePath = servicePath;
    this.leaderPath = leaderPath;
    this.termPath = termPath;
    this.setsPath = servicePath + "/" + NodeNames.SETS_NODE;
  }

  /** @return the ids of the service sets that include the service, from its index */
  List<String> setIds(Stream<ChildData> nodes) {
    List<String> ids = new ArrayList<>();
    for (ChildData node : (Iterable<ChildData>) nodes::iterator) {
      if (parentOf(node.getPath()).equals(setsPath)) {
        ids.add(node.getPath().substring(setsPath.length() + 1));
      }
    }
    return ids;
  }

  /**
   * @param nodes the service's subtree: servers of the earlier layout, one node each, its index and its election
   * @param sets the sets that include the service, each sorted by address: their servers are
   *     the service's when they have it in rotation
   */
  ServiceMembers parse(Stream<ChildData> nodes, List<ServiceSetCaches.Snapshot> sets) {
    Map<SocketAddress, ServerInstance> byAddress = new LinkedHashMap<>();
    ChildData leaderNode = null;
    long leaderSequence = Long.MAX_VALUE;
    for (ChildData node : (Iterable<ChildData>) nodes::iterator) {
      String path = node.getPath();
      String parent = parentOf(path);
      String name = path.substring(parent.length() + 1);
      if (parent.equals(servicePath) && !path.equals(leaderPath) && !path.equals(termPath) && !path.equals(setsPath)) {
        add(MemberData.read(node), byAddress);
      } else if (parent.equals(leaderPath)) {
        long sequence = sequenceOf(name);
        if (sequence >= 0 && sequence < leaderSequence) {
          leaderSequence = sequence;
          leaderNode = node;
        }
      }
    }
    List<ServerInstance> servers;
    if (byAddress.isEmpty() && sets.size() == 1) {
      servers = ofOneSet(sets.get(0));
    } else {
      // Servers of the earlier layout, or of several sets: one entry per address, sorted again.
      for (ServiceSetCaches.Snapshot set : sets) {
        set.members().forEach(member -> add(member, byAddress));
      }
      servers = new ArrayList<>(byAddress.values());
      servers.sort(Comparator.comparing(ServerInstance::toString));
    }
    if (leaderNode == null) {
      return new ServiceMembers(service, servers, null);
    }
    String[] leader = leaderId(leaderNode);
    SocketAddress address = ServerAddresses.parse(leader[0]);
    if (address == null) {
      warnOnce(leaderNode, "the leader candidate's id is not host:port");
    }
    return new ServiceMembers(service, servers, address, address == null ? null : leader[1]);
  }

  /**
   * The common case, one set and nothing else: its shared list of servers as it is when all its
   * members are servers with this service in rotation, so that each watch of the set adds
   * nothing per member.
   */
  private List<ServerInstance> ofOneSet(ServiceSetCaches.Snapshot set) {
    if (set.servers().size() == set.members().size() && !set.offline().contains(service)) {
      return set.servers();
    }
    List<ServerInstance> servers = new ArrayList<>(set.servers().size());
    for (MemberData.Member member : set.members()) {
      if (inRotation(member)) {
        servers.add(member.server());
      }
    }
    return servers;
  }

  /** Adds the member if it has the service in rotation. */
  private void add(MemberData.Member member, Map<SocketAddress, ServerInstance> byAddress) {
    if (inRotation(member)) {
      byAddress.put(member.server().address(), member.server());
    }
  }

  /** @return whether the member is a server with the service in rotation; one that is not a server is skipped with a warning */
  private boolean inRotation(MemberData.Member member) {
    if (member.server() == null) {
      warnOnce(member.node(), member.problem());
      return false;
    }
    return !member.offline().contains(service);
  }

  /** A candidate's id is {@code host:port#incarnation}, or {@code host:port} from an older server. */
  private static String[] leaderId(ChildData node) {
    byte[] bytes = node.getData();
    String id = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    int hash = id.indexOf('#');
    return hash < 0 ? new String[] {id, null} : new String[] {id.substring(0, hash), id.substring(hash + 1)};
  }

  /** Curator names election nodes {@code ...-lock-<10-digit sequence>}; the lowest sequence leads. */
  private static long sequenceOf(String name) {
    if (name.length() < SEQUENCE_DIGITS) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(name.length() - SEQUENCE_DIGITS));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void warnOnce(ChildData node, String why) {
    long version = node.getStat() != null ? node.getStat().getMzxid() : 0;
    if (warned.add(node.getPath() + "@" + version)) {
      log.warn("Skipping ZooKeeper node " + node.getPath() + " of service '" + service + "': " + why);
    }
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
