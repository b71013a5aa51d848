package io.slacker.tls;

import io.slacker.CertificateAuthentication;
import io.slacker.ServerCall;
import io.slacker.SlackerClient;
import io.slacker.SlackerException;
import io.slacker.SlackerServer;
import io.slacker.StatusCode;
import io.slacker.TokenProvider;
import io.slacker.testing.Greeter;
import io.slacker.testing.TestCertificate;
import io.slacker.testing.TestCertificateAuthority;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.ServerSSLOptions;
import io.vertx.ext.auth.ChainAuth;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.authorization.AuthorizationProvider;
import io.vertx.ext.auth.authorization.PermissionBasedAuthorization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import static io.slacker.tls.TlsFixture.await;
import static io.slacker.tls.TlsFixture.failure;
import static io.slacker.tls.TlsFixture.greet;
import static io.slacker.tls.TlsFixture.tlsClient;
import static io.slacker.tls.TlsFixture.tlsServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A mutual-TLS client certificate as the caller's identity, alone or beside bearer tokens. */
class MutualTlsAuthenticationTest {

  private static TestCertificateAuthority ca;
  private static TestCertificate serverCert;
  private static TestCertificate alice;
  private static TestCertificate bob;
  private final Vertx vertx = Vertx.vertx();

  @BeforeAll
  static void certificates() {
    ca = TestCertificateAuthority.create("Slacker test CA");
    serverCert = ca.issueServer("127.0.0.1", "localhost");
    alice = ca.issueClient("alice");
    bob = ca.issueClient("bob");
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** A server that greets its caller by user name, and lets only alice greet. */
  private SlackerServer server(ClientAuth clientAuth, AuthenticationProvider authentication) throws Exception {
    SlackerServer server = created(clientAuth)
        .register(Greeter.class, name -> Future.succeededFuture("Hello, " + ServerCall.current().user().subject()))
        .authentication(authentication)
        .addAuthorizationProvider(new AuthorizationProvider() {
          @Override
          public String getId() {
            return "greeters";
          }

          @Override
          public Future<Void> getAuthorizations(User user) {
            if (user.subject().equals("alice") || user.subject().equals("token-user")) {
              user.authorizations().put(getId(), PermissionBasedAuthorization.create("greet"));
            }
            return Future.succeededFuture();
          }
        })
        .requireAuthorization("test.Greeter", PermissionBasedAuthorization.create("greet"));
    return await(server.listen());
  }

  private SlackerServer created(ClientAuth clientAuth) {
    return SlackerServer.create(vertx, tlsServer(new ServerSSLOptions().setClientAuth(clientAuth)
        .setKeyCertOptions(serverCert.pemKeyCertOptions()).setTrustOptions(ca.pemTrustOptions()))
        .setHost("127.0.0.1").setPort(0));
  }

  private SlackerClient client(TestCertificate certificate) {
    ClientSSLOptions ssl = new ClientSSLOptions().setTrustOptions(ca.pemTrustOptions());
    return tlsClient(vertx, certificate == null ? ssl : ssl.setKeyCertOptions(certificate.pemKeyCertOptions()));
  }

  private static String commonName(X509Certificate certificate) {
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
      return null;
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void theCertificateIsTheCallersIdentityAndItsPermissionsAreChecked() throws Exception {
    SlackerServer server = server(ClientAuth.REQUIRED, CertificateAuthentication.create(MutualTlsAuthenticationTest::commonName));
    assertEquals("Hello, alice", await(greet(client(alice), server, "x")));
    SlackerException denied = assertInstanceOf(SlackerException.class, failure(greet(client(bob), server, "x")));
    assertEquals(StatusCode.PERMISSION_DENIED, denied.code(), denied.getMessage());
    assertEquals("Hello, alice", await(greet(client(alice), server, "x")), "still serving after a refusal");
  }

  @Test
  void byDefaultTheUserIsNamedAfterTheWholeSubject() throws Exception {
    SlackerServer server = await(created(ClientAuth.REQUIRED)
        .register(Greeter.class, name -> Future.succeededFuture(ServerCall.current().user().subject()))
        .authentication(CertificateAuthentication.create())
        .listen());
    assertEquals(alice.certificate().getSubjectX500Principal().getName(), await(greet(client(alice), server, "x")));
  }

  @Test
  void withChainAuthACallerPresentsACertificateOrAToken() throws Exception {
    AuthenticationProvider tokens = credentials -> credentials instanceof TokenCredentials token && token.getToken().equals("let-me-in")
        ? Future.succeededFuture(User.fromName("token-user"))
        : Future.failedFuture("unknown token");
    SlackerServer server = server(ClientAuth.REQUEST, ChainAuth.any()
        .add(CertificateAuthentication.create(MutualTlsAuthenticationTest::commonName)).add(tokens));
    assertEquals("Hello, alice", await(greet(client(alice), server, "x")));
    assertEquals("Hello, token-user", await(greet(client(null).tokenProvider(TokenProvider.of("let-me-in")), server, "x")));

    SlackerException anonymous = assertInstanceOf(SlackerException.class, failure(greet(client(null), server, "x")));
    assertEquals(StatusCode.UNAUTHENTICATED, anonymous.code(), anonymous.getMessage());
    SlackerException wrongToken = assertInstanceOf(SlackerException.class,
        failure(greet(client(null).tokenProvider(TokenProvider.of("guess")), server, "x")));
    assertEquals(StatusCode.UNAUTHENTICATED, wrongToken.code(), wrongToken.getMessage());
    assertEquals("Hello, alice", await(greet(client(alice), server, "x")), "still serving after the refusals");
  }
}
