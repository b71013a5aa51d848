package io.slacker.impl.server;

import io.slacker.SlackerServerOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.ServerSSLOptions;

/**
 * Puts a Slacker server's TLS settings into the Vert.x server options: Vert.x takes them only
 * field by field there, and {@code updateSSLOptions} takes the {@link ServerSSLOptions} whole.
 */
final class ServerTls {

  private ServerTls() {
  }

  /** @throws IllegalArgumentException when TLS is on without a key and certificate to present */
  static NetServerOptions apply(SlackerServerOptions options, NetServerOptions target) {
    if (!options.isSsl()) {
      return target;
    }
    ServerSSLOptions ssl = options.getSslOptions();
    requireKeyCert(ssl);
    target.setSsl(true)
        .setSslEngineOptions(options.getSslEngineOptions())
        .setKeyCertOptions(ssl.getKeyCertOptions())
        .setTrustOptions(ssl.getTrustOptions())
        .setUseAlpn(ssl.isUseAlpn())
        .setEnabledSecureTransportProtocols(ssl.getEnabledSecureTransportProtocols())
        .setSslHandshakeTimeout(ssl.getSslHandshakeTimeout())
        .setSslHandshakeTimeoutUnit(ssl.getSslHandshakeTimeoutUnit());
    target.setClientAuth(ssl.getClientAuth()).setSni(ssl.isSni());
    ssl.getEnabledCipherSuites().forEach(target::addEnabledCipherSuite);
    ssl.getCrlPaths().forEach(target::addCrlPath);
    ssl.getCrlValues().forEach(target::addCrlValue);
    return target;
  }

  static void requireKeyCert(ServerSSLOptions ssl) {
    if (ssl.getKeyCertOptions() == null) {
      throw new IllegalArgumentException("ssl is on but sslOptions has no key and certificate: set PemKeyCertOptions,"
          + " JksOptions or PfxOptions with ServerSSLOptions.setKeyCertOptions");
    }
  }
}
