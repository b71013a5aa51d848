package io.slacker.chaos;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.KeeperException;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * Invariant (5): the published tree names exactly the live servers, once the dead ones' sessions
 * have had time to expire. Read with a blocking Curator client, on the harness thread.
 */
final class ZookeeperTree {

  private ZookeeperTree() {
  }

  /** Polls until sets/, the rotation of every service and every election list exactly {@code live}, or the time is up. */
  static Verdict await(String connectString, String cluster, Set<String> live, long timeoutMillis) throws Exception {
    try (CuratorFramework curator = CuratorFrameworkFactory.newClient(connectString, 10_000, 5_000, new RetryNTimes(20, 250))) {
      curator.start();
      long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
      String mismatch;
      do {
        mismatch = mismatch(curator, "/slacker/cluster/" + cluster, live);
        if (mismatch.isEmpty()) {
          return new Verdict("no stale and no missing ZooKeeper nodes", true, "sets/, the rotation of " + Ledger.NAME
              + " (and its election) and of " + Echo.NAME + " list exactly the " + live.size() + " live servers");
        }
        Thread.sleep(200);
      } while (System.nanoTime() < deadline);
      return new Verdict("no stale and no missing ZooKeeper nodes", false, mismatch + " after " + timeoutMillis + " ms");
    }
  }

  private static String mismatch(CuratorFramework curator, String root, Set<String> live) throws Exception {
    StringBuilder out = new StringBuilder();
    Set<String> servers = new TreeSet<>();
    for (String set : children(curator, root + "/sets")) {
      servers.addAll(children(curator, root + "/sets/" + set));
    }
    compare(out, "sets/", servers, live);
    for (String service : new String[]{Ledger.NAME, Echo.NAME}) {
      compare(out, "rotation of " + service, inRotation(curator, root, service), live);
    }
    Set<String> candidates = new TreeSet<>();
    String election = root + "/services/" + Ledger.NAME + "/_leader";
    for (String lock : children(curator, election)) {
      // A candidate's id is host:port#incarnation; the address is what must match a live server.
      String id = new String(curator.getData().forPath(election + "/" + lock), StandardCharsets.UTF_8);
      int hash = id.indexOf('#');
      candidates.add(hash < 0 ? id : id.substring(0, hash));
    }
    compare(out, "election of " + Ledger.NAME, candidates, live);
    return out.toString();
  }

  /** @return the servers whose node, in a set the service's index names, does not list the service as offline */
  private static Set<String> inRotation(CuratorFramework curator, String root, String service) throws Exception {
    Set<String> servers = new TreeSet<>();
    for (String set : children(curator, root + "/services/" + service + "/_sets")) {
      for (String server : children(curator, root + "/sets/" + set)) {
        try {
          byte[] data = curator.getData().forPath(root + "/sets/" + set + "/" + server);
          JsonArray offline = new JsonObject(new String(data, StandardCharsets.UTF_8)).getJsonArray("offline");
          if (offline == null || !offline.contains(service)) {
            servers.add(server);
          }
        } catch (KeeperException.NoNodeException gone) {
          // Left between the two reads: not in rotation.
        }
      }
    }
    return servers;
  }

  private static Set<String> children(CuratorFramework curator, String path) throws Exception {
    return curator.checkExists().forPath(path) == null ? new TreeSet<>() : new TreeSet<>(curator.getChildren().forPath(path));
  }

  private static void compare(StringBuilder out, String where, Set<String> found, Set<String> live) {
    Set<String> stale = new TreeSet<>(found);
    stale.removeAll(live);
    Set<String> missing = new TreeSet<>(live);
    missing.removeAll(found);
    if (!stale.isEmpty() || !missing.isEmpty()) {
      out.append(where).append(": stale ").append(stale).append(", missing ").append(missing).append("; ");
    }
  }
}
