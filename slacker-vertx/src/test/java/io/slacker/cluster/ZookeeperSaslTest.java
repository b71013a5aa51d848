package io.slacker.cluster;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.ProviderRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.security.auth.login.Configuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SASL passthrough without a KDC: ZooKeeper's DIGEST-MD5 SASL on the embedded server and a JAAS
 * file written here, as an operator would write it. The JAAS configuration and the server's auth
 * providers are global to the JVM, so this class sets them up before its ZooKeeper starts and puts
 * them back after.
 */
class ZookeeperSaslTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static final String JAAS = "java.security.auth.login.config";
  private static final String SASL_PROVIDER = "zookeeper.authProvider.sasl";
  private static final SocketAddress A = SocketAddress.inetSocketAddress(7201, "127.0.0.1");

  private static Path jaasFile;
  private static Vertx vertx;
  private static EmbeddedZookeeper zookeeper;

  @BeforeAll
  static void start() throws Exception {
    jaasFile = Files.createTempFile("slacker-jaas", ".conf");
    Files.writeString(jaasFile, """
        Server {
          org.apache.zookeeper.server.auth.DigestLoginModule required user_slacker="s3cret";
        };
        Client {
          org.apache.zookeeper.server.auth.DigestLoginModule required username="slacker" password="s3cret";
        };
        WrongClient {
          org.apache.zookeeper.server.auth.DigestLoginModule required username="slacker" password="guess";
        };
        """);
    System.setProperty(JAAS, jaasFile.toString());
    System.setProperty(SASL_PROVIDER, "org.apache.zookeeper.server.auth.SASLAuthenticationProvider");
    reloadJvmSecurityState();
    vertx = TestVertx.create();
    zookeeper = new EmbeddedZookeeper();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      Await.result(vertx.close());
      zookeeper.close();
    } finally {
      System.clearProperty(JAAS);
      System.clearProperty(SASL_PROVIDER);
      reloadJvmSecurityState();
      Files.deleteIfExists(jaasFile);
    }
  }

  /** The JVM reads the JAAS file, and ZooKeeper its auth providers, once: make both read them again. */
  private static void reloadJvmSecurityState() {
    Configuration.setConfiguration(null);
    ProviderRegistry.reset();
  }

  @Test
  void aSaslServerOwnsItsNodesAsItsPrincipalAndAnUnauthenticatedClientCannotTouchThem() throws Exception {
    ZookeeperDiscovery server = ZookeeperDiscovery.create(vertx, zookeeper.options("sasl").setSasl(true));
    ZKClientConfig noSasl = new ZKClientConfig();
    noSasl.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
    ZooKeeper anonymous = connected(noSasl);
    try {
      Await.result(server.register(A, new ServerData()));
      String node = ClusterNodes.serverNode("sasl", "127.0.0.1:7201");
      assertEquals(List.of(new ACL(ZooDefs.Perms.ALL, new Id("sasl", "slacker")),
          new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE)), server.curator().getACL().forPath(node));
      assertTrue(anonymous.exists(node, false) != null, "readable by all");
      assertThrows(KeeperException.NoAuthException.class, () -> anonymous.delete(node, -1));
      assertThrows(KeeperException.NoAuthException.class, () -> anonymous.setData(node, new byte[0], -1));
    } finally {
      anonymous.close();
      Await.result(server.close());
    }
  }

  @Test
  void aWrongSaslPasswordFailsRegistrationWithAClearError() throws Exception {
    // ZooKeeper reads the JAAS section to use when the discovery's client connects.
    System.setProperty(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY, "WrongClient");
    ZookeeperDiscovery server = ZookeeperDiscovery.create(vertx, zookeeper.options("sasl-wrong").setSasl(true));
    try {
      ZookeeperAccessException refused = assertInstanceOf(ZookeeperAccessException.class,
          Await.failure(server.register(A, new ServerData())));
      assertEquals("ZooKeeper authentication failed (AuthFailed) for its SASL principal: the servers refused the"
          + " session's SASL credentials; check the JAAS login section (named by zookeeper.sasl.clientconfig,"
          + " default 'Client') (docs/security.md, ZooKeeper ACLs)", refused.getMessage());
    } finally {
      System.clearProperty(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY);
      Await.result(server.close());
    }
  }

  private static ZooKeeper connected(ZKClientConfig config) throws Exception {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk = new ZooKeeper(zookeeper.connectString(), 3_000, event -> {
      if (event.getState() == org.apache.zookeeper.Watcher.Event.KeeperState.SyncConnected) {
        connected.countDown();
      }
    }, config);
    assertTrue(connected.await(Duration.ofSeconds(15).toMillis(), TimeUnit.MILLISECONDS), "connected");
    return zk;
  }
}
