package samples;

import io.slacker.CallOptions;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerClient;
import io.slacker.SlackerServer;
import io.slacker.cluster.ZookeeperDiscovery;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;

/**
 * What the docs' statement samples use without declaring it: every such sample is compiled as a
 * method of a subclass. Declare here only what a reader can take for granted from the prose.
 */
abstract class SampleContext {

  protected Vertx vertx;
  protected SlackerClient client;
  protected SlackerServer server;
  protected SocketAddress address;
  /** A hand-built service. */
  protected ServiceDefinition definition;
  /** A generated proxy's options. */
  protected CallOptions defaults;
  /** A cluster's discovery in ZooKeeper. */
  protected ZookeeperDiscovery discovery;
  /** A cluster manager's configuration. */
  protected JsonObject config;

  /** An authentication token. */
  protected abstract String token();

  protected abstract boolean isValid(String token);

  /** Records how long a call to {@code method} took. */
  protected abstract void record(String method, long nanos);
}
