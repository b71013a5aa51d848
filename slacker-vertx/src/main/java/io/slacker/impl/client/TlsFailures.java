package io.slacker.impl.client;

import io.vertx.core.net.SocketAddress;

import javax.net.ssl.SSLException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateException;
import java.security.cert.CertPathValidatorException;

/**
 * Says in words what a TLS failure means for the caller: the JDK's messages ("PKIX path building
 * failed", "Received fatal alert: certificate_required") name the mechanism, not the fix. Each
 * message starts with "TLS".
 */
final class TlsFailures {

  private TlsFailures() {
  }

  /** @return whether {@code failure} or one of its causes is a TLS failure */
  static boolean isTls(Throwable failure) {
    return find(failure, SSLException.class) != null;
  }

  /** The message of a TLS failure on a connection to {@code address}; {@code failure} must be one ({@link #isTls}). */
  static String describe(SocketAddress address, Throwable failure) {
    return "TLS with " + address + " failed: " + meaning(address, failure) + " ("
        + find(failure, SSLException.class).getMessage() + ")";
  }

  /** The hint for a plain TCP connection that the server closed before it answered the handshake. */
  static String closedBeforeHello(SocketAddress address) {
    return "the connection to " + address + " closed before the server answered the handshake: if the server requires"
        + " TLS, this client must use TLS too (SlackerClientOptions.setSsl(true))";
  }

  private static String meaning(SocketAddress address, Throwable failure) {
    String alert = String.valueOf(find(failure, SSLException.class).getMessage());
    if (find(failure, CertificateExpiredException.class) != null
        || find(failure, CertificateNotYetValidException.class) != null) {
      return "the server's certificate is expired or not yet valid";
    }
    if (alert.contains("certificate_required")) {
      return "the server requires a client certificate and this client presented none"
          + " (set keyCertOptions in SlackerClientOptions.sslOptions)";
    }
    if (alert.contains("bad_certificate") || alert.contains("certificate_unknown") || alert.contains("unknown_ca")) {
      return "the server refused this client's certificate (is it signed by a CA the server trusts, and valid?)";
    }
    if (alert.contains("not an SSL/TLS record")) {
      return "the server does not speak TLS (is it a plain TCP server? then call it without TLS)";
    }
    if (find(failure, CertPathValidatorException.class) != null || alert.contains("PKIX")) {
      return "the server's certificate is not signed by a CA this client trusts (SlackerClientOptions.sslOptions trustOptions)";
    }
    if (find(failure, CertificateException.class) != null) {
      return "the server's certificate does not name " + address.host() + ", the host this client connects to"
          + " (hostname verification)";
    }
    return "the handshake did not complete";
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
