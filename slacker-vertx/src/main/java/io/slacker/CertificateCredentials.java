package io.slacker;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.authentication.CredentialValidationException;
import io.vertx.ext.auth.authentication.Credentials;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The client certificate chain of a mutual-TLS connection, as a credential: a server that
 * authenticates hands it to its {@link io.vertx.ext.auth.authentication.AuthenticationProvider}
 * when the connection opens. The TLS handshake has already verified the chain against the
 * server's trusted certificate authorities; the provider decides who the holder is.
 */
public final class CertificateCredentials implements Credentials {

  private final List<X509Certificate> chain;

  /** @param chain the peer's chain, its own certificate first */
  public CertificateCredentials(List<X509Certificate> chain) {
    this.chain = List.copyOf(chain);
  }

  /** @return the peer's chain, its own certificate first */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** @return the peer's own certificate */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  @Override
  public <V> void checkValid(V arg) throws CredentialValidationException {
    if (chain.isEmpty()) {
      throw new CredentialValidationException("no client certificate");
    }
  }

  @Override
  public JsonObject toJson() {
    JsonArray subjects = new JsonArray();
    chain.forEach(certificate -> subjects.add(certificate.getSubjectX500Principal().getName()));
    return new JsonObject().put("chain", subjects);
  }
}
