package io.slacker.impl.server;

import io.slacker.CallMetadata;
import io.slacker.CertificateCredentials;
import io.slacker.StatusCode;
import io.slacker.impl.protocol.Protocol;
import io.vertx.core.Future;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.auth.authentication.Credentials;
import io.vertx.ext.auth.authentication.TokenCredentials;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Who the caller on one connection is, on a server that requires authentication: the identity
 * its HELLO's token proved, unless a call carries a token of its own. Each token is verified
 * once; the last per-call token is remembered, so a client that refreshed its token and sends it
 * with every call costs one verification, not one per call. Touched on the connection's event
 * loop only. The connection's identity comes from its mutual-TLS client certificate, if it has
 * one, or from its HELLO's token, which takes the certificate's place.
 */
final class ConnectionIdentity {

  private final AuthenticationProvider provider;
  /** The identity the connection opened with, {@code null} while none was presented. */
  private Future<User> connectionUser;
  private String helloToken;
  private String lastCallToken;
  private Future<User> lastCallUser;

  ConnectionIdentity(AuthenticationProvider provider) {
    this.provider = provider;
  }

  /** The verified chain of a mutual-TLS client: the connection's identity until a HELLO token replaces it. */
  void certificate(List<X509Certificate> chain) {
    connectionUser = verify(new CertificateCredentials(chain));
  }

  /** The HELLO's token, or {@code null} for none; verified now, its outcome awaited by the calls behind it. */
  void helloToken(String token) {
    if (token != null) {
      helloToken = token;
      connectionUser = verify(new TokenCredentials(token));
    }
  }

  /**
   * @return the refusal of a call that has no identity to check at all, decided before its
   *     arguments are decoded, so that an anonymous peer cannot make the server decode anything;
   *     {@code null} when the call has a credential whose check is still to come
   */
  AccessRefusal refusedUnread(CallMetadata metadata) {
    boolean noConnectionUser = connectionUser == null || connectionUser.failed();
    if (noConnectionUser && metadata.getBytes(Protocol.METADATA_TOKEN) == null) {
      return connectionUser == null ? anonymous() : refused(connectionUser.cause());
    }
    return null;
  }

  /**
   * @return the call's caller, refused with {@code UNAUTHENTICATED} when there is none, its
   *     token does not verify or its identity has expired. A per-call token is taken out of the
   *     metadata so that interceptors and the method never see, or log, the credential.
   */
  Future<User> callerOf(CallMetadata metadata) {
    byte[] callToken = metadata.getBytes(Protocol.METADATA_TOKEN);
    Future<User> user;
    if (callToken != null) {
      metadata.remove(Protocol.METADATA_TOKEN);
      String token = new String(callToken, StandardCharsets.UTF_8);
      if (token.equals(helloToken)) {
        // A client sends its token with the calls it makes before its HELLO is written: one identity, verified once.
        user = connectionUser;
      } else {
        if (!token.equals(lastCallToken)) {
          lastCallToken = token;
          lastCallUser = verify(new TokenCredentials(token));
        }
        user = lastCallUser;
      }
    } else if (connectionUser != null) {
      user = connectionUser;
    } else {
      return Future.failedFuture(anonymous());
    }
    // Checked on every call: a long-lived connection must not keep serving an identity that has expired.
    return user.compose(caller -> caller.expired()
        ? Future.failedFuture(new AccessRefusal(StatusCode.UNAUTHENTICATED,
            "the credential of '" + caller.subject() + "' has expired: present a fresh token"))
        : Future.succeededFuture(caller));
  }

  private static AccessRefusal anonymous() {
    return new AccessRefusal(StatusCode.UNAUTHENTICATED, "this server requires authentication: present a "
        + "client certificate, or a bearer token in the HELLO or in the call's '" + Protocol.METADATA_TOKEN + "' metadata");
  }

  private Future<User> verify(Credentials credentials) {
    Future<User> verified;
    try {
      verified = provider.authenticate(credentials);
    } catch (RuntimeException e) {
      verified = Future.failedFuture(e);
    }
    return verified.recover(failure -> Future.failedFuture(refused(failure)));
  }

  private static AccessRefusal refused(Throwable failure) {
    return failure instanceof AccessRefusal refusal ? refusal
        : new AccessRefusal(StatusCode.UNAUTHENTICATED, "the credential was refused: " + failure.getMessage());
  }
}
