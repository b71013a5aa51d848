package io.slacker.tls;

import io.slacker.SlackerClient;
import io.slacker.SlackerServer;
import io.slacker.testing.TestCertificate;
import io.slacker.testing.TestCertificateAuthority;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.ServerSSLOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static io.slacker.tls.TlsFixture.await;
import static io.slacker.tls.TlsFixture.greet;
import static io.slacker.tls.TlsFixture.listen;
import static io.slacker.tls.TlsFixture.tlsClient;
import static io.slacker.tls.TlsFixture.tlsServer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Calls over TLS and mutual TLS with key and trust material in each of PEM, JKS and PKCS#12. */
class TlsCallTest {

  private static TestCertificateAuthority ca;
  private static TestCertificate serverCert;
  private static TestCertificate clientCert;
  private final Vertx vertx = Vertx.vertx();

  @BeforeAll
  static void certificates() {
    ca = TestCertificateAuthority.create("Slacker test CA");
    serverCert = ca.issueServer("127.0.0.1", "localhost");
    clientCert = ca.issueClient("test-client");
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void pem() throws Exception {
    SlackerServer server = listen(vertx, tlsServer(new ServerSSLOptions().setKeyCertOptions(serverCert.pemKeyCertOptions())));
    SlackerClient client = tlsClient(vertx, new ClientSSLOptions().setTrustOptions(ca.pemTrustOptions()));
    assertEquals("Hello, PEM", await(greet(client, server, "PEM")));
  }

  @Test
  void jks() throws Exception {
    SlackerServer server = listen(vertx, tlsServer(new ServerSSLOptions().setKeyCertOptions(serverCert.jksKeyCertOptions())));
    SlackerClient client = tlsClient(vertx, new ClientSSLOptions().setTrustOptions(ca.jksTrustOptions()));
    assertEquals("Hello, JKS", await(greet(client, server, "JKS")));
  }

  @Test
  void pkcs12() throws Exception {
    SlackerServer server = listen(vertx, tlsServer(new ServerSSLOptions().setKeyCertOptions(serverCert.pkcs12KeyCertOptions())));
    SlackerClient client = tlsClient(vertx, new ClientSSLOptions().setTrustOptions(ca.pkcs12TrustOptions()));
    assertEquals("Hello, PKCS#12", await(greet(client, server, "PKCS#12")));
  }

  @Test
  void mutualTlsInEachFormat() throws Exception {
    SlackerServer server = listen(vertx, tlsServer(new ServerSSLOptions().setClientAuth(ClientAuth.REQUIRED)
        .setKeyCertOptions(serverCert.pemKeyCertOptions()).setTrustOptions(ca.pemTrustOptions())));
    SlackerClient pem = tlsClient(vertx, new ClientSSLOptions().setTrustOptions(ca.pemTrustOptions())
        .setKeyCertOptions(clientCert.pemKeyCertOptions()));
    SlackerClient jks = tlsClient(vertx, new ClientSSLOptions().setTrustOptions(ca.jksTrustOptions())
        .setKeyCertOptions(clientCert.jksKeyCertOptions()));
    SlackerClient pkcs12 = tlsClient(vertx, new ClientSSLOptions().setTrustOptions(ca.pkcs12TrustOptions())
        .setKeyCertOptions(clientCert.pkcs12KeyCertOptions()));
    assertEquals("Hello, PEM", await(greet(pem, server, "PEM")));
    assertEquals("Hello, JKS", await(greet(jks, server, "JKS")));
    assertEquals("Hello, PKCS#12", await(greet(pkcs12, server, "PKCS#12")));
  }
}
