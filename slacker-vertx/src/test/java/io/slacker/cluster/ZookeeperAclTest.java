package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerException;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.StatusCode;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ZooKeeper ACLs on Slacker's nodes (docs/security.md): a server with digest credentials owns
 * what it creates; clients with no or wrong credentials can read (when reads are open) but change
 * nothing; restricted reads and a wrong server digest fail with a {@link ZookeeperAccessException}.
 * One ZooKeeper for the class, a cluster name per test.
 */
class ZookeeperAclTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final SocketAddress A = SocketAddress.inetSocketAddress(7101, "127.0.0.1");
  private static final SocketAddress B = SocketAddress.inetSocketAddress(7102, "127.0.0.1");
  private static final String SERVICE = "acl.Ledger";

  private static Vertx vertx;
  private static EmbeddedZookeeper zookeeper;

  @BeforeAll
  static void start() throws Exception {
    vertx = TestVertx.create();
    zookeeper = new EmbeddedZookeeper();
  }

  @AfterAll
  static void stop() throws Exception {
    Await.result(vertx.close());
    zookeeper.close();
  }

  private static ZookeeperDiscoveryOptions deployment(String cluster) {
    return zookeeper.options(cluster).setDigestUser("slacker").setDigestPassword("s3cret");
  }

  private static String digest(String user, String password) throws Exception {
    return DigestAuthenticationProvider.generateDigest(user + ":" + password);
  }

  /** A raw Curator client, authenticated as {@code user:password} when given. */
  private static CuratorFramework raw(String userAndPassword) throws Exception {
    CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
        .connectString(zookeeper.connectString()).retryPolicy(new RetryOneTime(100));
    if (userAndPassword != null) {
      builder.authorization("digest", userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
    CuratorFramework curator = builder.build();
    curator.start();
    curator.blockUntilConnected();
    return curator;
  }

  @Test
  void everyNodeAServerCreatesIsItsOwnAndReadableByAll() throws Exception {
    ZookeeperDiscovery server = ZookeeperDiscovery.create(vertx, deployment("owned"));
    try (CuratorFramework anyone = raw(null)) {
      ServerRegistration a = Await.result(server.register(A, new ServerData()));
      Await.result(a.publish(SERVICE, true));
      Await.until("A leads", WAIT, () -> a.isLeader(SERVICE));

      List<ACL> expected = List.of(new ACL(ZooDefs.Perms.ALL, new Id("digest", digest("slacker", "s3cret"))),
          new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE));
      String cluster = "/slacker/cluster/owned";
      String leader = cluster + "/services/" + SERVICE + "/_leader";
      String set = ClusterNodes.setId(SERVICE);
      List<String> paths = List.of(cluster, cluster + "/sets", cluster + "/sets/" + set, cluster + "/sets/" + set + "/127.0.0.1:7101",
          cluster + "/services", cluster + "/services/" + SERVICE, cluster + "/services/" + SERVICE + "/_sets",
          cluster + "/services/" + SERVICE + "/_sets/" + set,
          leader, leader + "/" + anyone.getChildren().forPath(leader).get(0), cluster + "/services/" + SERVICE + "/_term");
      for (String path : paths) {
        // Read by the owner: ZooKeeper shows others the digest's hash as 'x'.
        assertEquals(expected, server.curator().getACL().forPath(path), path);
      }
    } finally {
      Await.result(server.close());
    }
  }

  @Test
  void noCredentialsAndAWrongDigestCanNeitherChangeNorDeleteNorHijack() throws Exception {
    ZookeeperDiscovery server = ZookeeperDiscovery.create(vertx, deployment("locked"));
    ZookeeperDiscovery reader = ZookeeperDiscovery.create(vertx, zookeeper.options("locked"));
    try (CuratorFramework anonymous = raw(null); CuratorFramework impostor = raw("slacker:guess")) {
      ServerRegistration a = Await.result(server.register(A, new ServerData()));
      Await.result(a.publish(SERVICE, true));
      Await.until("A leads", WAIT, () -> a.isLeader(SERVICE));
      long term = a.leaderTerm(SERVICE);
      String service = "/slacker/cluster/locked/services/" + SERVICE;
      String member = ClusterNodes.serverNode("locked", "127.0.0.1:7101", SERVICE);
      String leader = service + "/_leader";
      String lock = leader + "/" + anonymous.getChildren().forPath(leader).get(0);
      byte[] fake = "{\"weight\":10000}".getBytes(StandardCharsets.UTF_8);

      for (CuratorFramework attacker : List.of(anonymous, impostor)) {
        List<Executable> attacks = List.of(
            () -> attacker.delete().forPath(member),
            () -> attacker.setData().forPath(member, fake),
            // A server node of the earlier layout, which clients still read.
            () -> attacker.create().forPath(service + "/127.0.0.1:7101", fake),
            () -> attacker.setACL().withACL(ZooDefs.Ids.OPEN_ACL_UNSAFE).forPath(member),
            () -> attacker.create().forPath(service + "/_sets/" + ClusterNodes.setId("made-up"), fake),
            () -> attacker.delete().forPath(service + "/_sets/" + ClusterNodes.setId(SERVICE)),
            () -> attacker.create().withMode(CreateMode.EPHEMERAL)
                .forPath(ClusterNodes.cluster("locked") + "/sets/" + ClusterNodes.setId(SERVICE) + "/10.6.6.6:7101", fake),
            () -> attacker.create().withMode(CreateMode.EPHEMERAL).forPath(service + "/10.6.6.6:7101", fake),
            // Hijacking the leadership: jump the election queue, remove the leader's lock, or bump the term.
            () -> attacker.create().withMode(CreateMode.EPHEMERAL_SEQUENTIAL).forPath(leader + "/_c_x-lock-", fake),
            () -> attacker.delete().forPath(lock),
            () -> attacker.setData().forPath(service + "/_term", fake),
            () -> attacker.delete().forPath(service + "/_term"));
        for (Executable attack : attacks) {
          assertThrows(KeeperException.NoAuthException.class, attack);
        }
      }

      assertTrue(a.isLeader(SERVICE));
      assertEquals(term, a.leaderTerm(SERVICE), "no new term was forced");
      ServiceWatch watch = Await.result(reader.watch(SERVICE, m -> { }));
      assertEquals(List.of(A), watch.current().servers().stream().map(ServerInstance::address).toList(),
          "a client without credentials still reads the open nodes");
      assertEquals(A, watch.current().leader());
    } finally {
      Await.result(reader.close());
      Await.result(server.close());
    }
  }

  @Test
  void restrictedReadsRefuseADiscoveryWithoutAReadersIdentityWithAClearError() throws Exception {
    ZookeeperDiscoveryOptions secured = deployment("private").addReader("digest:" + digest("reader", "r3ad"));
    ClusterNode node = ClusterNode.start(vertx, ZookeeperDiscovery.create(vertx, secured), new ClusterServerOptions());
    ZookeeperDiscovery anonymous = ZookeeperDiscovery.create(vertx, zookeeper.options("private"));
    ZookeeperDiscovery wrongReader = ZookeeperDiscovery.create(vertx,
        zookeeper.options("private").setDigestUser("reader").setDigestPassword("guess"));
    ZookeeperDiscovery reader = ZookeeperDiscovery.create(vertx,
        zookeeper.options("private").setDigestUser("reader").setDigestPassword("r3ad"));
    SlackerClient anonymousClient = SlackerClient.create(vertx, new SlackerClientOptions().setCallTimeoutMillis(5_000), anonymous);
    SlackerClient readerClient = SlackerClient.create(vertx, new SlackerClientOptions().setCallTimeoutMillis(5_000), reader);
    try {
      for (ZookeeperDiscovery refusedReader : List.of(anonymous, wrongReader)) {
        ZookeeperAccessException refused = assertInstanceOf(ZookeeperAccessException.class,
            Await.failure(refusedReader.watch(Who.NAME, members -> { })));
        assertEquals("/slacker/cluster/private/services/" + Who.NAME, refused.path());
        assertTrue(refused.getMessage().startsWith("ZooKeeper refused to read /slacker/cluster/private/services/"
            + Who.NAME + " (NoAuth) to this session"), refused.getMessage());
        assertTrue(refused.getMessage().contains("'readers'"), refused.getMessage());
        assertFalse(refused.getMessage().contains("guess"), "no password in messages");
      }

      // A service nobody published yet: the nearest node above it is what refuses, not an empty list.
      ZookeeperAccessException unpublished = assertInstanceOf(ZookeeperAccessException.class,
          Await.failure(anonymous.watch("acl.Unpublished", members -> { })));
      assertEquals("/slacker/cluster/private/services", unpublished.path());

      // A call says the same, at once rather than at its deadline.
      SlackerException call = assertInstanceOf(SlackerException.class,
          Await.failure(anonymousClient.proxy(Who.class, new CallOptions()).name()));
      assertEquals(StatusCode.UNAVAILABLE, call.code());
      assertTrue(call.getMessage().startsWith("service 'test.Who': discovery failed: ZooKeeper refused to read"),
          call.getMessage());
      assertInstanceOf(ZookeeperAccessException.class, call.getCause());

      assertEquals(node.name(), Await.result(readerClient.proxy(Who.class, new CallOptions()).name()));
      assertThrows(KeeperException.NoAuthException.class, () -> reader.curator().delete()
          .forPath("/slacker/cluster/private/services/" + Who.NAME + "/" + node.name()), "readers only read");
    } finally {
      Await.result(readerClient.close());
      Await.result(anonymousClient.close());
      for (ZookeeperDiscovery discovery : List.of(reader, wrongReader, anonymous)) {
        Await.result(discovery.close());
      }
      node.close();
    }
  }

  @Test
  void aServerWithAWrongDigestOrNoneFailsToRegisterAndTheClusterServesOn() throws Exception {
    ClusterNode node = ClusterNode.start(vertx, ZookeeperDiscovery.create(vertx, deployment("guarded")), new ClusterServerOptions());
    ZookeeperDiscovery wrongDigest = ZookeeperDiscovery.create(vertx,
        zookeeper.options("guarded").setDigestUser("slacker").setDigestPassword("guess"));
    ZookeeperDiscovery noCredentials = ZookeeperDiscovery.create(vertx, zookeeper.options("guarded"));
    SlackerClient client = SlackerClient.create(vertx, new SlackerClientOptions().setCallTimeoutMillis(5_000), noCredentials);
    try {
      ZookeeperAccessException refused = assertInstanceOf(ZookeeperAccessException.class,
          Await.failure(wrongDigest.register(B, new ServerData())));
      assertEquals(ClusterNodes.serverNode("guarded", "127.0.0.1:7102"), refused.path());
      assertEquals("ZooKeeper refused to create " + ClusterNodes.serverNode("guarded", "127.0.0.1:7102") + " (NoAuth) to this"
          + " session, which has digest user 'slacker': the node above it belongs to another identity; the servers"
          + " of a cluster share one identity (digestUser/digestPassword or sasl), or list each other in 'writers'"
          + " (docs/security.md, ZooKeeper ACLs)", refused.getMessage());
      ZookeeperAccessException anonymous = assertInstanceOf(ZookeeperAccessException.class,
          Await.failure(noCredentials.register(B, new ServerData())));
      assertTrue(anonymous.getMessage().contains("which has no credentials"), anonymous.getMessage());

      // A whole server: listen() fails with the same reason, and closes the server.
      Throwable listen = Await.failure(SlackerServer.create(vertx,
              new SlackerServerOptions().setHost("127.0.0.1").setPort(0), wrongDigest)
          .register(Who.class, new Who.Impl(vertx)).listen());
      assertInstanceOf(ZookeeperAccessException.class, listen);

      ServiceWatch watch = Await.result(noCredentials.watch(Who.NAME, members -> { }));
      assertEquals(List.of(node.address), watch.current().servers().stream().map(ServerInstance::address).toList());
      assertEquals(node.name(), Await.result(client.proxy(Who.class, new CallOptions()).name()), "the cluster serves on");
    } finally {
      Await.result(client.close());
      Await.result(noCredentials.close());
      Await.result(wrongDigest.close());
      node.close();
    }
  }

  @Test
  void saslWithoutAnAuthenticatedSessionFailsToRegisterWithAClearError() throws Exception {
    // This JVM has no JAAS configuration: the session connects, but as nobody.
    ZookeeperDiscovery server = ZookeeperDiscovery.create(vertx, zookeeper.options("nobody").setSasl(true));
    try {
      ZookeeperAccessException refused = assertInstanceOf(ZookeeperAccessException.class,
          Await.failure(server.register(A, new ServerData())));
      assertEquals("ZooKeeper refused the ACL of " + ClusterNodes.serverNode("nobody", "127.0.0.1:7101") + " (InvalidACL): the"
          + " session has no authenticated identity to own the node although its SASL principal was configured;"
          + " with sasl, check java.security.auth.login.config and its 'Client' section, and that the ZooKeeper"
          + " servers enable SASL (docs/security.md, ZooKeeper ACLs)", refused.getMessage());
    } finally {
      Await.result(server.close());
    }
  }

  @Test
  void theAclsComeBackWithTheNodesAfterASessionExpiry() throws Exception {
    ZookeeperDiscovery server = ZookeeperDiscovery.create(vertx, deployment("expiring"));
    try (CuratorFramework anonymous = raw(null)) {
      ServerRegistration a = Await.result(server.register(A, new ServerData()));
      Await.result(a.publish(SERVICE, true));
      Await.until("A leads", WAIT, () -> a.isLeader(SERVICE));
      String member = ClusterNodes.serverNode("expiring", "127.0.0.1:7101", SERVICE);
      String leader = "/slacker/cluster/expiring/services/" + SERVICE + "/_leader";
      long oldSession = server.curator().getZookeeperClient().getZooKeeper().getSessionId();

      server.curator().getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
      Await.until("A re-published and back in the election under a new session", WAIT, () -> {
        try {
          long session = server.curator().getZookeeperClient().getZooKeeper().getSessionId();
          return session != oldSession && ownedBy(anonymous, member, session)
              && anonymous.getChildren().forPath(leader).stream().anyMatch(lock -> ownedBy(anonymous, leader + "/" + lock, session));
        } catch (Exception e) {
          return false;
        }
      });

      List<ACL> expected = List.of(new ACL(ZooDefs.Perms.ALL, new Id("digest", digest("slacker", "s3cret"))),
          new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE));
      String lock = leader + "/" + anonymous.getChildren().forPath(leader).get(0);
      for (String path : List.of(member, lock)) {
        assertEquals(expected, server.curator().getACL().forPath(path), path);
      }
      assertThrows(KeeperException.NoAuthException.class, () -> anonymous.delete().forPath(member));
      assertThrows(KeeperException.NoAuthException.class, () -> anonymous.delete().forPath(lock));
    } finally {
      Await.result(server.close());
    }
  }

  private static boolean ownedBy(CuratorFramework reader, String path, long session) {
    try {
      var stat = reader.checkExists().forPath(path);
      return stat != null && stat.getEphemeralOwner() == session;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void anApplicationsOwnCuratorClientGetsTheAclsFromAclProviderNotFromTheOptions() throws Exception {
    try (CuratorFramework unstarted = CuratorFrameworkFactory.newClient(zookeeper.connectString(), new RetryOneTime(100))) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> ZookeeperDiscovery.create(vertx, unstarted, deployment("own")));
      assertTrue(refused.getMessage().contains("ZookeeperDiscovery.aclProvider(options)"), refused.getMessage());
    }
    CuratorFramework own = CuratorFrameworkFactory.builder().connectString(zookeeper.connectString())
        .retryPolicy(new RetryOneTime(100))
        .aclProvider(ZookeeperDiscovery.aclProvider(deployment("own")))
        .authorization("digest", "slacker:s3cret".getBytes(StandardCharsets.UTF_8))
        .build();
    own.start();
    ZookeeperDiscovery discovery = ZookeeperDiscovery.create(vertx, own, zookeeper.options("own"));
    try {
      Await.result(discovery.register(A, new ServerData()));
      assertEquals(List.of(new ACL(ZooDefs.Perms.ALL, new Id("digest", digest("slacker", "s3cret"))),
          new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE)), own.getACL().forPath(ClusterNodes.serverNode("own", "127.0.0.1:7101")));
    } finally {
      Await.result(discovery.close());
      own.close();
    }
  }
}
