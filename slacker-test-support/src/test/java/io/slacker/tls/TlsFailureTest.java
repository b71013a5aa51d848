package io.slacker.tls;

import io.slacker.NotSentException;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerException;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.StatusCode;
import io.slacker.testing.TestCertificate;
import io.slacker.testing.TestCertificateAuthority;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.ServerSSLOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static io.slacker.tls.TlsFixture.await;
import static io.slacker.tls.TlsFixture.failure;
import static io.slacker.tls.TlsFixture.greet;
import static io.slacker.tls.TlsFixture.listen;
import static io.slacker.tls.TlsFixture.tlsClient;
import static io.slacker.tls.TlsFixture.tlsServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way a TLS connection is refused reaches the caller as a call that was not sent, at once
 * (not as a timeout), saying it was TLS and what to fix; calls after it back off instead of
 * reconnecting in a loop, and the server goes on serving good clients.
 */
class TlsFailureTest {

  private static final Vertx vertx = Vertx.vertx();
  private static TestCertificateAuthority ca;
  private static TestCertificateAuthority otherCa;
  /** Requires client certificates from {@code ca}. */
  private static SlackerServer mutualTls;
  private static SlackerClient goodClient;

  @BeforeAll
  static void start() throws Exception {
    ca = TestCertificateAuthority.create("Slacker test CA");
    otherCa = TestCertificateAuthority.create("Another CA");
    mutualTls = listen(vertx, tlsServer(new ServerSSLOptions().setClientAuth(ClientAuth.REQUIRED)
        .setKeyCertOptions(ca.issueServer("127.0.0.1").pemKeyCertOptions()).setTrustOptions(ca.pemTrustOptions())));
    goodClient = tlsClient(vertx, trusting(ca).setKeyCertOptions(ca.issueClient("good").pemKeyCertOptions()));
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void theClientTrustsAnotherCa() throws Exception {
    SlackerClient client = tlsClient(vertx, trusting(otherCa).setKeyCertOptions(ca.issueClient("c").pemKeyCertOptions()));
    assertRefused(client, mutualTls, "not signed by a CA this client trusts");
  }

  @Test
  void theClientPresentsNoCertificate() throws Exception {
    assertRefused(tlsClient(vertx, trusting(ca)), mutualTls, "requires a client certificate");
  }

  @Test
  void theClientCertificateIsFromACaTheServerDoesNotTrust() throws Exception {
    SlackerClient client = tlsClient(vertx, trusting(ca).setKeyCertOptions(otherCa.issueClient("forged").pemKeyCertOptions()));
    assertRefused(client, mutualTls, "refused this client's certificate");
  }

  @Test
  void theServerCertificateNamesAnotherHost() throws Exception {
    SlackerServer server = listen(vertx, tlsServer(new ServerSSLOptions()
        .setKeyCertOptions(ca.issueServer("wrong.example").pemKeyCertOptions())));
    assertRefused(tlsClient(vertx, trusting(ca)), server, "does not name 127.0.0.1");
    SlackerClient unverified = tlsClient(vertx, trusting(ca).setHostnameVerificationAlgorithm(""));
    assertEquals("Hello, anyway", await(greet(unverified, server, "anyway")), "verification turned off explicitly");
    await(server.close());
  }

  @Test
  void theServerCertificateHasExpired() throws Exception {
    SlackerServer server = listen(vertx, tlsServer(new ServerSSLOptions()
        .setKeyCertOptions(ca.issueExpired("127.0.0.1").pemKeyCertOptions())));
    assertRefused(tlsClient(vertx, trusting(ca)), server, "expired");
    await(server.close());
  }

  @Test
  void aPlainClientCallsATlsServer() throws Exception {
    SlackerClient plain = SlackerClient.create(vertx, new SlackerClientOptions());
    assertRefused(plain, mutualTls, "if the server requires TLS, this client must use TLS too");
  }

  @Test
  void aTlsClientCallsAPlainServer() throws Exception {
    SlackerServer plain = listen(vertx, new SlackerServerOptions());
    assertRefused(tlsClient(vertx, trusting(ca)), plain, "the server does not speak TLS");
    SlackerClient plainClient = SlackerClient.create(vertx, new SlackerClientOptions());
    assertEquals("Hello, plain", await(greet(plainClient, plain, "plain")));
    await(plain.close());
  }

  private static ClientSSLOptions trusting(TestCertificateAuthority authority) {
    return new ClientSSLOptions().setTrustOptions(authority.pemTrustOptions());
  }

  /**
   * The call fails as not sent with a TLS message; the next call fails at once from the reconnect
   * backoff with the same reason; a good client is still served.
   */
  private static void assertRefused(SlackerClient client, SlackerServer server, String meaning) throws Exception {
    Throwable first = failure(greet(client, server, "x"));
    assertInstanceOf(NotSentException.class, first, () -> "got " + first);
    assertEquals(StatusCode.UNAVAILABLE, ((SlackerException) first).code());
    assertTrue(first.getMessage().contains("TLS") && first.getMessage().contains(meaning), first.getMessage());
    Throwable second = failure(greet(client, server, "y"));
    assertInstanceOf(NotSentException.class, second);
    assertTrue(second.getMessage().contains("next attempt in") && second.getMessage().contains(meaning),
        second.getMessage());
    if (server == mutualTls) {
      assertEquals("Hello, good", await(greet(goodClient, server, "good")));
    }
  }
}
