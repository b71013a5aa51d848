package io.slacker.testing;

import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayOutputStream;
import java.security.KeyStore;

/** Key stores saved to bytes, for Vert.x's {@code JksOptions}/{@code PfxOptions} values. */
final class Stores {

  private Stores() {
  }

  static Buffer save(KeyStore store) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, TestCertificateAuthority.STORE_PASSWORD.toCharArray());
    return Buffer.buffer(out.toByteArray());
  }
}
