package io.slacker;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.auth.authentication.Credentials;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.function.Function;

/**
 * Authenticates the holder of a mutual-TLS client certificate ({@link CertificateCredentials}):
 * the user is named after the certificate's subject and expires with it. Give it to
 * {@link SlackerServer#authentication} alone, or with a token provider through
 * {@code ChainAuth.any()}, so that callers may present either.
 */
public final class CertificateAuthentication implements AuthenticationProvider {

  private final Function<X509Certificate, String> naming;

  private CertificateAuthentication(Function<X509Certificate, String> naming) {
    this.naming = naming;
  }

  /** @return a provider that names each user by its certificate's subject, in RFC 2253 form ({@code CN=alice,O=Example}) */
  public static CertificateAuthentication create() {
    return new CertificateAuthentication(certificate -> certificate.getSubjectX500Principal().getName());
  }

  /** @param naming the user name a certificate stands for, such as its common name or a subject alternative name */
  public static CertificateAuthentication create(Function<X509Certificate, String> naming) {
    return new CertificateAuthentication(Objects.requireNonNull(naming, "naming"));
  }

  @Override
  public Future<User> authenticate(Credentials credentials) {
    if (!(credentials instanceof CertificateCredentials certificates) || certificates.chain().isEmpty()) {
      return Future.failedFuture("not a client certificate");
    }
    X509Certificate certificate = certificates.certificate();
    String name;
    try {
      name = naming.apply(certificate);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (name == null || name.isEmpty()) {
      return Future.failedFuture("the certificate of " + certificate.getSubjectX500Principal().getName() + " names no user");
    }
    // exp and nbf in seconds, as User.expired() reads them: the identity lasts as long as the certificate.
    return Future.succeededFuture(User.create(new JsonObject()
        .put("username", name)
        .put("subject", certificate.getSubjectX500Principal().getName())
        .put("issuer", certificate.getIssuerX500Principal().getName())
        .put("nbf", certificate.getNotBefore().getTime() / 1000)
        .put("exp", certificate.getNotAfter().getTime() / 1000)));
  }
}
