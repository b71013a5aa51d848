package io.slacker;

import io.slacker.cluster.ServerData;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
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
    SlackerServerOptions options = new SlackerServerOptions().setPort(9000).setMaxFrameSize(4096).setBlockingQueueSize(7);
    assertEquals(options.toJson(), new SlackerServerOptions(options.toJson()).toJson());
    assertEquals(options.toJson(), new SlackerServerOptions(options).toJson());
    assertEquals(SlackerServerOptions.DEFAULT_PORT, new SlackerServerOptions(new JsonObject()).getPort());
    assertThrows(IllegalArgumentException.class, () -> options.setPort(70000));
    assertThrows(IllegalArgumentException.class, () -> options.setMaxFrameSize(8));
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
