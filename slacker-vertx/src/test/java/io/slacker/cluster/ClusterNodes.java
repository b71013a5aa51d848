package io.slacker.cluster;

import org.apache.curator.framework.CuratorFramework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/** Where a server's nodes are in ZooKeeper, as docs/cluster.md §1 lays them out, for tests that read the nodes themselves. */
final class ClusterNodes {

  private ClusterNodes() {
  }

  static String cluster(String cluster) {
    return ZookeeperDiscoveryOptions.DEFAULT_ROOT_PATH + "/" + cluster;
  }

  /** @return the id of the set of {@code services}: the first 24 hex digits of the SHA-256 of the sorted names, each followed by a newline */
  static String setId(String... services) throws Exception {
    StringBuilder names = new StringBuilder();
    for (String service : new TreeSet<>(List.of(services))) {
      names.append(service).append('\n');
    }
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(names.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 12);
  }

  /** @return the path of the node of the server at {@code hostPort} that runs {@code services} */
  static String serverNode(String cluster, String hostPort, String... services) throws Exception {
    return cluster(cluster) + "/sets/" + setId(services) + "/" + hostPort;
  }

  /** @return the path of the node of the server at {@code hostPort}, in whichever set; {@code null} when it has none */
  static String find(CuratorFramework curator, String cluster, String hostPort) throws Exception {
    for (String set : children(curator, cluster(cluster) + "/sets")) {
      String path = cluster(cluster) + "/sets/" + set + "/" + hostPort;
      if (curator.checkExists().forPath(path) != null) {
        return path;
      }
    }
    return null;
  }

  /** @return the {@code host:port} of every server registered in the cluster, in rotation or not */
  static List<String> servers(CuratorFramework curator, String cluster) throws Exception {
    List<String> servers = new ArrayList<>();
    for (String set : children(curator, cluster(cluster) + "/sets")) {
      servers.addAll(children(curator, cluster(cluster) + "/sets/" + set));
    }
    return servers;
  }

  private static List<String> children(CuratorFramework curator, String path) throws Exception {
    return curator.checkExists().forPath(path) == null ? List.of() : curator.getChildren().forPath(path);
  }
}
