package io.slacker.cli;

import io.slacker.cluster.ZookeeperDiscoveryOptions;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The options every command takes: where the cluster is, how to print, how long to wait. */
final class CommonOptions {

  @Option(names = "--zookeeper", paramLabel = "host:port[,host:port...]",
      defaultValue = "${env:SLACKER_ZOOKEEPER:-" + ZookeeperDiscoveryOptions.DEFAULT_CONNECT_STRING + "}",
      description = "ZooKeeper connect string (default: $SLACKER_ZOOKEEPER, else ${DEFAULT-VALUE}).")
  String zookeeper;

  @Option(names = "--cluster", defaultValue = ZookeeperDiscoveryOptions.DEFAULT_CLUSTER,
      description = "Cluster name (default: ${DEFAULT-VALUE}).")
  String cluster;

  @Option(names = "--root", paramLabel = "path", defaultValue = ZookeeperDiscoveryOptions.DEFAULT_ROOT_PATH,
      description = "ZooKeeper root path of Slacker clusters (default: ${DEFAULT-VALUE}).")
  String root;

  @Option(names = {"-o", "--output"}, paramLabel = "table|json", defaultValue = "table",
      description = "Output: table (for people) or json (one line, for scripts) (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Option(names = "--timeout", paramLabel = "duration", defaultValue = "5s", converter = DurationConverter.class,
      description = "How long to wait for ZooKeeper and for each server, e.g. 500ms, 2s, 1m (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--token", paramLabel = "token", defaultValue = "${env:SLACKER_TOKEN}",
      description = "Bearer token (e.g. a JWT) presented to servers that authenticate callers; admin commands need one"
          + " with the slacker:admin permission (default: $SLACKER_TOKEN).")
  String token;

  @Option(names = "--tls", description = "Connect to servers named directly with TLS (servers found in ZooKeeper say"
      + " themselves whether they need it).")
  boolean tls;

  @Option(names = "--ca", paramLabel = "file.pem", description = "PEM file of the CAs that sign the servers' certificates"
      + " (default: the JVM's trusted CAs).")
  String ca;

  @Option(names = "--cert", paramLabel = "file.pem", description = "PEM certificate chain presented to servers that"
      + " require client certificates; with --key.")
  String cert;

  @Option(names = "--key", paramLabel = "file.pem", description = "PEM private key of --cert.")
  String key;

  @Option(names = {"-v", "--verbose"},
      description = "Show the log of ZooKeeper, Curator, Netty and Slacker on stderr.")
  boolean verbose;

  boolean json() {
    return output == OutputFormat.json;
  }
}
