package io.slacker.impl.client;

import io.vertx.core.net.SocketAddress;

import javax.net.ssl.SSLException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;

/**
 * Says in words what a TLS failure means for the caller: the JDK's messages ("PKIX path building
 * failed", "Received fatal alert: bad_certificate") name the mechanism, not the fix. Each message
 * starts with "TLS".
 */
final class TlsFailures {

  private static final int MAX_QUOTED = 100;

  private TlsFailures() {
  }

  /** @return whether {@code failure} or one of its causes is a TLS failure */
  static boolean isTls(Throwable failure) {
    return find(failure, SSLException.class) != null;
  }

  /**
   * The message of a TLS failure ({@link #isTls}) on a connection to {@code address}.
   *
   * @param presentsCertificate whether this client has a certificate of its own to present
   */
  static String describe(SocketAddress address, Throwable failure, boolean presentsCertificate) {
    return "TLS with " + address + " failed: " + meaning(address, failure, presentsCertificate) + " (" + deepestMessage(failure) + ")";
  }

  /** The hint for a plain TCP connection that the server closed before it answered the handshake. */
  static String closedBeforeHello(SocketAddress address) {
    return "the connection to " + address + " closed before the server answered the handshake: if the server requires"
        + " TLS, this client must use TLS too (SlackerClientOptions.setSsl(true))";
  }

  private static String meaning(SocketAddress address, Throwable failure, boolean presentsCertificate) {
    String messages = allMessages(failure);
    if (find(failure, CertificateExpiredException.class) != null
        || find(failure, CertificateNotYetValidException.class) != null) {
      return "the server's certificate is expired or not yet valid";
    }
    if (messages.contains("certificate_required") || messages.contains("bad_certificate")
        || messages.contains("certificate_unknown") || messages.contains("unknown_ca")) {
      // The server's alert: TLS 1.3 sends it after the client's side of the handshake is done.
      return presentsCertificate
          ? "the server refused this client's certificate (is it signed by a CA the server trusts, and valid?)"
          : "the server requires a client certificate and this client presented none"
              + " (set keyCertOptions in SlackerClientOptions.sslOptions)";
    }
    if (messages.contains("not an SSL/TLS record")) {
      return "the server does not speak TLS (is it a plain TCP server? then call it without TLS)";
    }
    if (find(failure, CertPathBuilderException.class) != null || messages.contains("PKIX")) {
      return "the server's certificate is not signed by a CA this client trusts (trustOptions of SlackerClientOptions.sslOptions)";
    }
    if (messages.contains("No subject alternative") || messages.contains("No name matching")) {
      return "the server's certificate does not name " + address.host() + ", the host this client connects to"
          + " (hostname verification)";
    }
    return "the handshake did not complete";
  }

  private static String allMessages(Throwable failure) {
    StringBuilder messages = new StringBuilder();
    for (Throwable t = failure; t != null; t = next(t)) {
      messages.append(t.getMessage()).append('\n');
    }
    return messages.toString();
  }

  /**
   * The innermost message, cut short (Netty's for bytes that are not TLS dumps them in hex): the
   * outer ones are wrappers such as "Failed to create SSL connection".
   */
  private static String deepestMessage(Throwable failure) {
    String message = null;
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message != null && message.length() > MAX_QUOTED ? message.substring(0, MAX_QUOTED) + "..." : message;
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = next(t)) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static Throwable next(Throwable t) {
    return t.getCause() == t ? null : t.getCause();
  }
}
