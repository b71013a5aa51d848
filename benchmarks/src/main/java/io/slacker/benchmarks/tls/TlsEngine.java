package io.slacker.benchmarks.tls;

import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.SSLEngineOptions;

/** How a Slacker row connects: plain TCP, or TLS through the JDK's engine or OpenSSL's (BoringSSL, netty-tcnative). */
public enum TlsEngine {
  NONE, JDK, OPENSSL;

  public SSLEngineOptions options() {
    return this == OPENSSL ? new OpenSSLEngineOptions() : this == JDK ? new JdkSSLEngineOptions() : null;
  }
}
