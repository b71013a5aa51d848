package io.slacker.tls;

import io.slacker.NotSentException;
import io.slacker.SlackerClient;
import io.slacker.SlackerServer;
import io.slacker.testing.TestCertificateAuthority;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
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

/** Certificates replaced while servers and clients run: new connections take them, open ones keep theirs. */
class TlsReloadTest {

  private final Vertx vertx = Vertx.vertx();
  private final TestCertificateAuthority oldCa = TestCertificateAuthority.create("old CA");
  private final TestCertificateAuthority newCa = TestCertificateAuthority.create("new CA");

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aServerTakesANewCertificateForNewConnectionsAndKeepsTheOpenOnes() throws Exception {
    SlackerServer server = listen(vertx, tlsServer(new ServerSSLOptions()
        .setKeyCertOptions(oldCa.issueServer("127.0.0.1").pemKeyCertOptions())));
    SlackerClient trustsOld = tlsClient(vertx, trusting(oldCa));
    SlackerClient trustsNew = tlsClient(vertx, trusting(newCa));
    assertEquals("Hello, before", await(greet(trustsOld, server, "before")));
    assertInstanceOf(NotSentException.class, failure(greet(trustsNew, server, "too early")));

    await(server.updateSSLOptions(new ServerSSLOptions().setKeyCertOptions(newCa.issueServer("127.0.0.1").pemKeyCertOptions())));

    assertEquals("Hello, after", await(greet(tlsClient(vertx, trusting(newCa)), server, "after")));
    // This client's connection was opened before the reload: a new one would be refused, as the next client shows.
    assertEquals("Hello, still", await(greet(trustsOld, server, "still")));
    assertTrue(failure(greet(tlsClient(vertx, trusting(oldCa)), server, "new connection")).getMessage().contains("TLS"));
  }

  @Test
  void rewrittenFilesAreReadAgain(@TempDir Path directory) throws Exception {
    PemKeyCertOptions files = oldCa.issueServer("127.0.0.1").writePem(directory, "server");
    SlackerServer server = listen(vertx, tlsServer(new ServerSSLOptions().setKeyCertOptions(files)));
    assertEquals("Hello, old", await(greet(tlsClient(vertx, trusting(oldCa)), server, "old")));

    newCa.issueServer("127.0.0.1").writePem(directory, "server");
    await(server.updateSSLOptions(new ServerSSLOptions().setKeyCertOptions(files)));

    assertEquals("Hello, new", await(greet(tlsClient(vertx, trusting(newCa)), server, "new")));
  }

  @Test
  void materialThatDoesNotLoadIsRefusedAndTheServerKeepsItsOwn(@TempDir Path directory) throws Exception {
    SlackerServer server = listen(vertx, tlsServer(new ServerSSLOptions()
        .setKeyCertOptions(oldCa.issueServer("127.0.0.1").pemKeyCertOptions())));
    Throwable missing = failure(server.updateSSLOptions(new ServerSSLOptions().setKeyCertOptions(new PemKeyCertOptions()
        .addCertPath(directory.resolve("absent.crt").toString()).addKeyPath(directory.resolve("absent.key").toString()))));
    assertTrue(missing.getMessage().contains("absent.crt") || missing.getMessage().contains("absent.key"), missing.getMessage());
    Throwable none = failure(server.updateSSLOptions(new ServerSSLOptions()));
    assertInstanceOf(IllegalArgumentException.class, none);
    assertEquals("Hello, unchanged", await(greet(tlsClient(vertx, trusting(oldCa)), server, "unchanged")));
  }

  @Test
  void aClientTakesNewTrustForNewConnections() throws Exception {
    SlackerServer oldServer = listen(vertx, tlsServer(new ServerSSLOptions()
        .setKeyCertOptions(oldCa.issueServer("127.0.0.1").pemKeyCertOptions())));
    SlackerServer newServer = listen(vertx, tlsServer(new ServerSSLOptions()
        .setKeyCertOptions(newCa.issueServer("127.0.0.1").pemKeyCertOptions())));
    SlackerClient client = tlsClient(vertx, trusting(oldCa));
    assertEquals("Hello, old", await(greet(client, oldServer, "old")));

    await(client.updateSSLOptions(trusting(newCa)));

    assertEquals("Hello, new", await(greet(client, newServer, "new")));
    assertEquals("Hello, open", await(greet(client, oldServer, "open")), "the connection opened before still works");
  }

  private static ClientSSLOptions trusting(TestCertificateAuthority authority) {
    return new ClientSSLOptions().setTrustOptions(authority.pemTrustOptions());
  }
}
