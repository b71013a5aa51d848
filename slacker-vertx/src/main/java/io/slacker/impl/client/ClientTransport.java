package io.slacker.impl.client;

import io.slacker.NotSentException;
import io.slacker.SlackerClientOptions;
import io.slacker.StatusCode;
import io.slacker.cluster.impl.ServerConnector;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;

/**
 * The client's TCP and TLS connections, opened by one Vert.x client: each connection is plain or
 * TLS as its server requires, with the TLS options current when it opens.
 */
final class ClientTransport implements ServerConnector {

  private final NetClient netClient;
  private final boolean ssl;
  private volatile ClientSSLOptions sslOptions;

  ClientTransport(Vertx vertx, SlackerClientOptions options) {
    this.netClient = vertx.createNetClient(new NetClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.getConnectTimeoutMillis()))
        .setTcpNoDelay(true)
        .setSslEngineOptions(options.getSslEngineOptions()));
    this.ssl = options.isSsl();
    this.sslOptions = withHostnameVerification(options.getSslOptions());
  }

  /**
   * @param requiresTls what discovery says of the server, or {@code null} for the client's own setting
   * @return whether to connect with TLS
   * @throws NotSentException when the server requires TLS and this client has none configured: for
   *     this client the server is unreachable, so a router takes it out of rotation
   */
  boolean useTls(SocketAddress server, Boolean requiresTls) {
    if (requiresTls == null) {
      return ssl;
    }
    if (requiresTls && !ssl) {
      throw new NotSentException(StatusCode.UNAVAILABLE, server + " requires TLS (its registration says so), and this"
          + " client has no TLS: set SlackerClientOptions.setSsl(true) and its sslOptions; the call was not sent", true, null);
    }
    return requiresTls;
  }

  @Override
  public Future<NetSocket> connect(SocketAddress server, Boolean requiresTls) {
    try {
      return connect(server, useTls(server, requiresTls));
    } catch (NotSentException e) {
      return Future.failedFuture(e);
    }
  }

  Future<NetSocket> connect(SocketAddress server, boolean tls) {
    ConnectOptions connect = new ConnectOptions().setRemoteAddress(server).setSsl(tls);
    if (tls) {
      connect.setSslOptions(sslOptions);
    }
    return netClient.connect(connect);
  }

  /** @return whether TLS connections present a client certificate */
  boolean presentsCertificate() {
    return sslOptions.getKeyCertOptions() != null;
  }

  Future<Void> updateSSLOptions(ClientSSLOptions options) {
    if (!ssl) {
      return Future.failedFuture(new IllegalStateException("this client does not use TLS: set SlackerClientOptions.setSsl(true)"));
    }
    sslOptions = withHostnameVerification(options);
    return Future.succeededFuture();
  }

  Future<Void> close() {
    return netClient.close();
  }

  /** Vert.x leaves the algorithm {@code null} by default, and then refuses to connect: Slacker's default is to verify. */
  private static ClientSSLOptions withHostnameVerification(ClientSSLOptions options) {
    ClientSSLOptions copy = options.copy();
    if (copy.getHostnameVerificationAlgorithm() == null) {
      copy.setHostnameVerificationAlgorithm(SlackerClientOptions.DEFAULT_HOSTNAME_VERIFICATION_ALGORITHM);
    }
    return copy;
  }
}
