package io.slacker.testing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PfxOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * A certificate issued by a {@link TestCertificateAuthority} with its private key, as the key
 * material of a server or a client: in PEM (in memory or in files), JKS or PKCS#12. The chain
 * presented is the certificate followed by its authority's.
 */
public final class TestCertificate {

  private final X509Certificate certificate;
  private final PrivateKey privateKey;
  private final X509Certificate issuer;

  TestCertificate(X509Certificate certificate, PrivateKey privateKey, X509Certificate issuer) {
    this.certificate = certificate;
    this.privateKey = privateKey;
    this.issuer = issuer;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  /** The certificate and its authority's, in PEM. */
  public String certificateChainPem() {
    return Pem.encode("CERTIFICATE", TestCertificateAuthority.encoded(certificate))
        + Pem.encode("CERTIFICATE", TestCertificateAuthority.encoded(issuer));
  }

  /** The private key in PKCS#8 PEM. */
  public String privateKeyPem() {
    return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
  }

  public PemKeyCertOptions pemKeyCertOptions() {
    return new PemKeyCertOptions()
        .addCertValue(Buffer.buffer(certificateChainPem()))
        .addKeyValue(Buffer.buffer(privateKeyPem()));
  }

  /**
   * Writes the chain and the key as PEM files in {@code directory} (named {@code prefix.crt} and
   * {@code prefix.key}), as an operator's files would be, e.g. to test a reload from files.
   */
  public PemKeyCertOptions writePem(Path directory, String prefix) throws IOException {
    Path cert = directory.resolve(prefix + ".crt");
    Path key = directory.resolve(prefix + ".key");
    Files.writeString(cert, certificateChainPem(), StandardCharsets.US_ASCII);
    Files.writeString(key, privateKeyPem(), StandardCharsets.US_ASCII);
    return new PemKeyCertOptions().addCertPath(cert.toString()).addKeyPath(key.toString());
  }

  /** The key and chain in a JKS store, with {@link TestCertificateAuthority#STORE_PASSWORD}. */
  public JksOptions jksKeyCertOptions() {
    return new JksOptions().setValue(keyStore("JKS")).setPassword(TestCertificateAuthority.STORE_PASSWORD);
  }

  /** The key and chain in a PKCS#12 store, with {@link TestCertificateAuthority#STORE_PASSWORD}. */
  public PfxOptions pkcs12KeyCertOptions() {
    return new PfxOptions().setValue(keyStore("PKCS12")).setPassword(TestCertificateAuthority.STORE_PASSWORD);
  }

  private Buffer keyStore(String type) {
    try {
      KeyStore store = KeyStore.getInstance(type);
      store.load(null, null);
      store.setKeyEntry("key", privateKey, TestCertificateAuthority.STORE_PASSWORD.toCharArray(),
          new Certificate[] {certificate, issuer});
      return Stores.save(store);
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a " + type + " key store: " + e, e);
    }
  }
}
