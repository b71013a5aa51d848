package io.slacker;

import io.slacker.cluster.ServerData;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.ServerSSLOptions;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

  @Test
  void serverOptionsRoundTripThroughJsonAndCopies() {
    SlackerServerOptions options = new SlackerServerOptions().setPort(9000).setMaxFrameSize(4096).setBlockingQueueSize(7)
        .setHalfCloseTimeoutMillis(750);
    assertEquals(options.toJson(), new SlackerServerOptions(options.toJson()).toJson());
    assertEquals(options.toJson(), new SlackerServerOptions(options).toJson());
    assertEquals(SlackerServerOptions.DEFAULT_PORT, new SlackerServerOptions(new JsonObject()).getPort());
    assertThrows(IllegalArgumentException.class, () -> options.setPort(70000));
    assertThrows(IllegalArgumentException.class, () -> options.setMaxFrameSize(8));
    assertEquals(750, new SlackerServerOptions(options.toJson()).getHalfCloseTimeoutMillis());
    assertEquals(SlackerServerOptions.DEFAULT_HALF_CLOSE_TIMEOUT_MILLIS, new SlackerServerOptions(new JsonObject()).getHalfCloseTimeoutMillis());
    assertThrows(IllegalArgumentException.class, () -> options.setHalfCloseTimeoutMillis(-1));
  }

  @Test
  void serverLimitsRoundTripThroughJsonAndCopiesAndRejectInvalidValues() {
    SlackerServerOptions options = new SlackerServerOptions().setLimits(new ServerLimitsOptions()
        .setMaxConnectionMemory(1 << 20).setMaxServerMemory(1 << 24).setRequestMemoryFactor(4).setMaxMetadataEntries(3)
        .setMaxMetadataKeyBytes(10).setMaxMetadataBytes(100).setHandshakeTimeoutMillis(1).setFrameTimeoutMillis(2)
        .setIdleTimeoutMillis(3).setExitOnOutOfMemory(false).setMaxConnections(5));
    assertEquals(options.toJson(), new SlackerServerOptions(options.toJson()).toJson());
    assertEquals(options.toJson(), new SlackerServerOptions(options).toJson());
    assertEquals(options.getLimits().toJson(), new ServerLimitsOptions(options.getLimits()).toJson());
    assertEquals(new ServerLimitsOptions().toJson(), new SlackerServerOptions(new JsonObject()).getLimits().toJson());
    assertEquals(4 * 1024 * 1024, new SlackerServerOptions().getMaxFrameSize());
    ServerLimitsOptions limits = new ServerLimitsOptions();
    assertThrows(IllegalArgumentException.class, () -> limits.setMaxConnectionMemory(0));
    assertThrows(IllegalArgumentException.class, () -> limits.setMaxServerMemory(-1));
    assertThrows(IllegalArgumentException.class, () -> limits.setRequestMemoryFactor(0));
    assertThrows(IllegalArgumentException.class, () -> limits.setMaxMetadataEntries(65536));
    assertThrows(IllegalArgumentException.class, () -> limits.setMaxMetadataKeyBytes(0));
    assertThrows(IllegalArgumentException.class, () -> limits.setMaxMetadataBytes(-1));
    assertThrows(IllegalArgumentException.class, () -> limits.setHandshakeTimeoutMillis(-1));
    assertThrows(IllegalArgumentException.class, () -> limits.setFrameTimeoutMillis(-1));
    assertThrows(IllegalArgumentException.class, () -> limits.setIdleTimeoutMillis(-1));
    assertThrows(IllegalArgumentException.class, () -> limits.setMaxConnections(-1));
    assertThrows(IllegalArgumentException.class, () -> new SlackerServerOptions().setLimits(null));
    IllegalArgumentException nested = assertThrows(IllegalArgumentException.class, () -> new SlackerServerOptions(
        new JsonObject().put("limits", new JsonObject().put("idleTimeoutMillis", "1m"))));
    assertEquals("limits.idleTimeoutMillis must be an integer, got \"1m\"", nested.getMessage());
  }

  @Test
  void aServerWhoseBudgetCannotHoldOneRequestOfTheMaximumFrameSizeIsRefused() {
    Vertx vertx = Vertx.vertx();
    try {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SlackerServer.create(vertx,
          new SlackerServerOptions().setLimits(new ServerLimitsOptions().setMaxConnectionMemory(1024 * 1024))));
      assertTrue(refused.getMessage().startsWith("a request of the maximum frame size (4194304 bytes) is charged 33554432 bytes"),
          refused.getMessage());
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void aWrongTypeInJsonConfigurationNamesTheKey() {
    IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
        () -> new SlackerServerOptions(new JsonObject().put("port", "2104")));
    assertEquals("port must be an integer, got \"2104\"", port.getMessage());
    IllegalArgumentException nested = assertThrows(IllegalArgumentException.class, () -> new SlackerServerOptions(
        new JsonObject().put("cluster", new JsonObject().put("withdrawGraceMillis", true))));
    assertEquals("cluster.withdrawGraceMillis must be an integer, got true", nested.getMessage());
    IllegalArgumentException cluster = assertThrows(IllegalArgumentException.class,
        () -> new SlackerClientOptions(new JsonObject().put("cluster", "round-robin")));
    assertEquals("cluster must be an object, got \"round-robin\"", cluster.getMessage());
    IllegalArgumentException shared = assertThrows(IllegalArgumentException.class,
        () -> new ZookeeperDiscoveryOptions(new JsonObject().put("shared", "yes")));
    assertEquals("shared must be true or false, got \"yes\"", shared.getMessage());
  }

  @Test
  void clientOptionsRoundTripThroughJsonAndCopies() {
    SlackerClientOptions options = new SlackerClientOptions().setSerialization("json").setCallTimeoutMillis(1234);
    assertEquals(options.toJson(), new SlackerClientOptions(options.toJson()).toJson());
    assertEquals(options.toJson(), new SlackerClientOptions(options).toJson());
    assertEquals("smile", new SlackerClientOptions().getSerialization());
    assertThrows(IllegalArgumentException.class, () -> options.setCallTimeoutMillis(0));
    assertThrows(IllegalArgumentException.class, () -> options.setSerialization(""));
  }

  @Test
  void callOptionsRoundTripThroughJson() {
    CallOptions options = new CallOptions().setTimeoutMillis(50).setServer(SocketAddress.inetSocketAddress(81, "10.0.0.1"))
        .setSerialization("cbor").putMetadata("trace", "t-1");
    CallOptions copy = new CallOptions(options.toJson());
    assertEquals(options.toJson(), copy.toJson());
    assertEquals("t-1", copy.getMetadata().get("trace"));
    assertThrows(IllegalArgumentException.class, () -> options.setTimeoutMillis(-1));
  }

  @Test
  void zookeeperAclOptionsRoundTripThroughJsonAndCopiesAndKeepThePasswordOutOfToString() {
    ZookeeperDiscoveryOptions options = new ZookeeperDiscoveryOptions().setDigestUser("slacker").setDigestPassword("s3cret")
        .addReader("digest:reader:bS1tHdrGV3fwXzPS/2ljkNmPKTE=").addReader("sasl:client@EXAMPLE.COM").addWriter("sasl:ops");
    assertEquals(options.toJson(), new ZookeeperDiscoveryOptions(options.toJson()).toJson());
    assertEquals(options.toJson(), new ZookeeperDiscoveryOptions(options).toJson());
    assertEquals(List.of("digest:reader:bS1tHdrGV3fwXzPS/2ljkNmPKTE=", "sasl:client@EXAMPLE.COM"),
        new ZookeeperDiscoveryOptions(options.toJson()).getReaders());
    assertEquals("s3cret", options.toJson().getString("digestPassword"), "the JSON configures the same discovery");
    assertFalse(options.toString().contains("s3cret"), options.toString());
    assertTrue(options.toString().contains("\"digestUser\":\"slacker\""), options.toString());

    ZookeeperDiscoveryOptions defaults = new ZookeeperDiscoveryOptions(new JsonObject());
    assertNull(defaults.getDigestUser());
    assertEquals(ZookeeperDiscoveryOptions.DEFAULT_SASL, defaults.isSasl());
    assertTrue(defaults.getReaders().isEmpty());
    assertFalse(defaults.hasAcls());
    assertTrue(new ZookeeperDiscoveryOptions().setSasl(true).hasAcls());
  }

  @Test
  void zookeeperAclOptionsRefuseWhatCannotWork() {
    ZookeeperDiscoveryOptions options = new ZookeeperDiscoveryOptions();
    assertEquals("digestUser must be a non-empty name without ':'",
        assertThrows(IllegalArgumentException.class, () -> options.setDigestUser("a:b")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> options.setDigestPassword(""));
    assertEquals("readers: each must be a ZooKeeper ACL id 'scheme:id', got 'reader'",
        assertThrows(IllegalArgumentException.class, () -> options.addReader("reader")).getMessage());
    assertEquals("writers: 'world:anyone' would let anyone change Slacker's nodes; name identities",
        assertThrows(IllegalArgumentException.class, () -> options.addWriter("world:anyone")).getMessage());
    assertEquals("readers must be an array, got \"sasl:x\"", assertThrows(IllegalArgumentException.class,
        () -> new ZookeeperDiscoveryOptions(new JsonObject().put("readers", "sasl:x"))).getMessage());
    assertTrue(options.getReaders().isEmpty() && options.getDigestUser() == null, "a refused value changes nothing");

    assertEquals("digestUser and digestPassword go together: set both or neither", assertThrows(IllegalArgumentException.class,
        () -> ZookeeperDiscovery.aclProvider(new ZookeeperDiscoveryOptions().setDigestPassword("s3cret"))).getMessage());
    assertEquals("readers and writers need an identity to own the nodes: set digestUser and digestPassword, or sasl",
        assertThrows(IllegalArgumentException.class,
            () -> ZookeeperDiscovery.aclProvider(new ZookeeperDiscoveryOptions().addReader("sasl:client"))).getMessage());
  }

  @Test
  void tlsOptionsRoundTripThroughJsonWithTheirKeyAndTrustMaterial() {
    SlackerServerOptions server = new SlackerServerOptions().setSsl(true).setSslEngineOptions(new OpenSSLEngineOptions())
        .setSslOptions(new ServerSSLOptions().setClientAuth(ClientAuth.REQUIRED)
            .setKeyCertOptions(new PemKeyCertOptions().addCertPath("server.crt").addKeyPath("server.key"))
            .setTrustOptions(new PfxOptions().setPath("clients.p12").setPassword("secret")));
    SlackerServerOptions serverCopy = new SlackerServerOptions(server.toJson());
    assertEquals(server.toJson(), serverCopy.toJson());
    assertEquals(server.toJson(), new SlackerServerOptions(server).toJson());
    assertEquals(ClientAuth.REQUIRED, serverCopy.getSslOptions().getClientAuth());
    assertEquals(List.of("server.crt"), ((PemKeyCertOptions) serverCopy.getSslOptions().getKeyCertOptions()).getCertPaths());
    assertInstanceOf(PfxOptions.class, serverCopy.getSslOptions().getTrustOptions());
    assertInstanceOf(OpenSSLEngineOptions.class, serverCopy.getSslEngineOptions());

    SlackerClientOptions client = new SlackerClientOptions().setSsl(true).setSslOptions(new ClientSSLOptions()
        .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer("-----BEGIN CERTIFICATE-----")))
        .setKeyCertOptions(new JksOptions().setPath("client.jks").setPassword("secret")));
    SlackerClientOptions clientCopy = new SlackerClientOptions(client.toJson());
    assertEquals(client.toJson(), clientCopy.toJson());
    assertEquals(client.toJson(), new SlackerClientOptions(client).toJson());
    assertInstanceOf(JksOptions.class, clientCopy.getSslOptions().getKeyCertOptions());
    assertTrue(new SlackerClientOptions(new JsonObject().put("ssl", true)).isSsl());
  }

  @Test
  void tlsDefaultsArePlainTcpWithHostnameVerification() {
    assertFalse(new SlackerServerOptions().isSsl());
    assertFalse(new SlackerClientOptions().isSsl());
    assertEquals("HTTPS", new SlackerClientOptions().getSslOptions().getHostnameVerificationAlgorithm());
    assertEquals("HTTPS", new SlackerClientOptions(new JsonObject()).getSslOptions().getHostnameVerificationAlgorithm());
    assertNull(new SlackerServerOptions().getSslOptions().getKeyCertOptions());
    assertThrows(IllegalArgumentException.class, () -> new SlackerServerOptions().setSslOptions(null));
    assertThrows(IllegalArgumentException.class, () -> new SlackerClientOptions().setSslOptions(null));
  }

  @Test
  void wrongTlsJsonNamesTheKey() {
    IllegalArgumentException ssl = assertThrows(IllegalArgumentException.class,
        () -> new SlackerServerOptions(new JsonObject().put("ssl", "yes")));
    assertEquals("ssl must be true or false, got \"yes\"", ssl.getMessage());
    IllegalArgumentException two = assertThrows(IllegalArgumentException.class, () -> new SlackerServerOptions(
        new JsonObject().put("sslOptions", new JsonObject().put("pemKeyCertOptions", new JsonObject())
            .put("keyStoreOptions", new JsonObject()))));
    assertEquals("sslOptions.pemKeyCertOptions and keyStoreOptions exclude each other", two.getMessage());
    IllegalArgumentException notAnObject = assertThrows(IllegalArgumentException.class, () -> new SlackerClientOptions(
        new JsonObject().put("sslOptions", new JsonObject().put("pemTrustOptions", "ca.pem"))));
    assertEquals("sslOptions.pemTrustOptions must be an object, got \"ca.pem\"", notAnObject.getMessage());
    IllegalArgumentException badValue = assertThrows(IllegalArgumentException.class, () -> new SlackerServerOptions(
        new JsonObject().put("sslOptions", new JsonObject().put("clientAuth", "SOMETIMES"))));
    assertTrue(badValue.getMessage().startsWith("sslOptions is invalid: "), badValue.getMessage());
  }

  @Test
  void serverDataSaysTlsOnlyWhenTheServerRequiresIt() {
    assertFalse(new ServerData(new JsonObject().put("weight", 5)).isTls(), "a registration from before TLS means plain TCP");
    assertFalse(new ServerData().toJson().containsKey("tls"));
    assertTrue(new ServerData(new ServerData().setTls(true).toJson()).isTls());
    assertThrows(IllegalArgumentException.class, () -> new ServerData(new JsonObject().put("tls", "yes")));
  }
}
