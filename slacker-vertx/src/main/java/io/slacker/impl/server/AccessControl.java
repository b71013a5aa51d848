package io.slacker.impl.server;

import io.slacker.MethodDescriptor;
import io.slacker.SlackerPermissions;
import io.slacker.StatusCode;
import io.slacker.impl.admin.AdminService;
import io.slacker.impl.protocol.Protocol;
import io.vertx.core.Future;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.auth.authentication.AuthenticationProvider;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's admission of each call before interceptors and the method run: authentication of
 * the caller, when the server has it configured, then authorization of the method. A server with
 * neither admits every call, as before either existed.
 */
final class AccessControl {

  private final MethodAuthorizer authorizer = new MethodAuthorizer();
  private final boolean adminWithoutAuthorization;
  private volatile AuthenticationProvider authentication;

  /** @param adminWithoutAuthorization whether, without authentication, the built-in admin operations are open */
  AccessControl(boolean adminWithoutAuthorization) {
    this.adminWithoutAuthorization = adminWithoutAuthorization;
  }

  void authentication(AuthenticationProvider provider) {
    this.authentication = provider;
  }

  MethodAuthorizer authorizer() {
    return authorizer;
  }

  /** @return the capability bits the server's HELLO adds to the protocol's own */
  long capabilities() {
    return authentication != null ? Protocol.CAPABILITY_AUTHENTICATION : 0;
  }

  /**
   * @return the identity of a new connection, from its client certificate when it has one, or
   *     {@code null} when the server authenticates no one
   */
  ConnectionIdentity newIdentity(NetSocket socket) {
    AuthenticationProvider provider = authentication;
    if (provider == null) {
      return null;
    }
    ConnectionIdentity identity = new ConnectionIdentity(provider);
    List<X509Certificate> chain = clientCertificates(socket);
    if (!chain.isEmpty()) {
      identity.certificate(chain);
    }
    return identity;
  }

  /** @return the chain the TLS handshake verified, empty without TLS or without a client certificate */
  private static List<X509Certificate> clientCertificates(NetSocket socket) {
    if (!socket.isSsl()) {
      return List.of();
    }
    try {
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate certificate : socket.peerCertificates()) {
        if (certificate instanceof X509Certificate x509) {
          chain.add(x509);
        }
      }
      return chain;
    } catch (SSLPeerUnverifiedException noCertificate) {
      return List.of();
    }
  }

  /**
   * @param identity the connection's, {@code null} when the server authenticates no one
   * @return completes when {@code call} may run, with its user set; else fails with
   *     {@code UNAUTHENTICATED} or {@code PERMISSION_DENIED}, and it must not run
   */
  Future<Void> admit(ServerCallImpl call, ConnectionIdentity identity) {
    if (identity == null) {
      return AdminService.isBuiltIn(call.descriptor()) ? admitBuiltIn(call.descriptor())
          : authorizer.authorize(null, call.descriptor());
    }
    return identity.callerOf(call.metadata()).compose(user -> {
      call.user(user);
      return authorizer.authorize(user, call.descriptor());
    });
  }

  /**
   * On a server that authenticates no one: describe is open, as every other method is there; the
   * operations that change the server only where the options say so.
   */
  private Future<Void> admitBuiltIn(MethodDescriptor method) {
    if (!AdminService.changesServer(method) || adminWithoutAuthorization) {
      return Future.succeededFuture();
    }
    return Future.failedFuture(new AccessRefusal(StatusCode.PERMISSION_DENIED, method
        + " changes the server, and this server authenticates no caller: configure its authentication and grant '"
        + SlackerPermissions.ADMIN + "', or set SlackerServerOptions.setAdminWithoutAuthorization(true)"));
  }

  /** @return whether {@code failure} is this admission's refusal: expected, and not worth a warning */
  static boolean isRefusal(Throwable failure) {
    return failure instanceof AccessRefusal;
  }
}
