package io.slacker.testing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A certificate authority made at test time, for TLS tests with no key material committed: it
 * issues server certificates (for the hosts given, as subject alternative names) and client
 * certificates, and gives its own certificate as the trust material of the other side, in PEM,
 * JKS or PKCS#12. Keys are EC P-256, quick to make. Nothing here is fit for production use.
 *
 * <pre>{@code
 * TestCertificateAuthority ca = TestCertificateAuthority.create("test CA");
 * TestCertificate server = ca.issueServer("127.0.0.1", "localhost");
 * serverOptions.setSsl(true).setSslOptions(new ServerSSLOptions().setKeyCertOptions(server.pemKeyCertOptions()));
 * clientOptions.setSsl(true).setSslOptions(new ClientSSLOptions().setTrustOptions(ca.pemTrustOptions()));
 * }</pre>
 */
public final class TestCertificateAuthority {

  /** The password of every JKS and PKCS#12 store made here. */
  public static final String STORE_PASSWORD = "slacker-test";
  /** How long issued certificates stay valid, from an hour before they are made (clock skew). */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(2);

  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

  private final X500Name name;
  private final KeyPair keys;
  private final X509Certificate certificate;

  private TestCertificateAuthority(X500Name name, KeyPair keys, X509Certificate certificate) {
    this.name = name;
    this.keys = keys;
    this.certificate = certificate;
  }

  /** A new self-signed authority named {@code CN=commonName}. */
  public static TestCertificateAuthority create(String commonName) {
    try {
      X500Name name = new X500Name("CN=" + commonName);
      KeyPair keys = newKeyPair();
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(DEFAULT_VALIDITY)), name, keys.getPublic());
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
      return new TestCertificateAuthority(name, keys, sign(builder, keys));
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a test certificate authority: " + e, e);
    }
  }

  /**
   * A server certificate, valid for {@link #DEFAULT_VALIDITY}, naming {@code hosts} (IP addresses
   * or DNS names) as subject alternative names; the first host is its common name too.
   */
  public TestCertificate issueServer(String... hosts) {
    Instant now = Instant.now();
    return issue(hosts[0], List.of(hosts), now.minus(Duration.ofHours(1)), now.plus(DEFAULT_VALIDITY));
  }

  /** A client certificate for mutual TLS, named {@code CN=commonName}, valid for {@link #DEFAULT_VALIDITY}. */
  public TestCertificate issueClient(String commonName) {
    Instant now = Instant.now();
    return issue(commonName, List.of(), now.minus(Duration.ofHours(1)), now.plus(DEFAULT_VALIDITY));
  }

  /** A server certificate for {@code hosts} that expired a day ago. */
  public TestCertificate issueExpired(String... hosts) {
    Instant now = Instant.now();
    return issue(hosts[0], List.of(hosts), now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)));
  }

  /**
   * A certificate valid from {@code notBefore} to {@code notAfter} for both server and client
   * authentication, naming {@code hosts} as subject alternative names.
   */
  public TestCertificate issue(String commonName, List<String> hosts, Instant notBefore, Instant notAfter) {
    try {
      KeyPair keys = newKeyPair();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(notBefore),
          Date.from(notAfter), new X500Name("CN=" + commonName), keys.getPublic());
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
          .addExtension(Extension.extendedKeyUsage, false,
              new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
          .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()))
          .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate));
      if (!hosts.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(hosts.stream().map(TestCertificateAuthority::alternativeName).toArray(GeneralName[]::new)));
      }
      return new TestCertificate(sign(builder, this.keys), keys.getPrivate(), certificate);
    } catch (Exception e) {
      throw new IllegalStateException("cannot issue a test certificate for " + commonName + ": " + e, e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public String certificatePem() {
    return Pem.encode("CERTIFICATE", encoded(certificate));
  }

  /** This authority as the trust of the other side, in PEM. */
  public PemTrustOptions pemTrustOptions() {
    return new PemTrustOptions().addCertValue(Buffer.buffer(certificatePem()));
  }

  /** This authority as the trust of the other side, in a JKS store with {@link #STORE_PASSWORD}. */
  public JksOptions jksTrustOptions() {
    return new JksOptions().setValue(trustStore("JKS")).setPassword(STORE_PASSWORD);
  }

  /** This authority as the trust of the other side, in a PKCS#12 store with {@link #STORE_PASSWORD}. */
  public PfxOptions pkcs12TrustOptions() {
    return new PfxOptions().setValue(trustStore("PKCS12")).setPassword(STORE_PASSWORD);
  }

  private Buffer trustStore(String type) {
    try {
      KeyStore store = KeyStore.getInstance(type);
      store.load(null, null);
      store.setCertificateEntry("ca", certificate);
      return Stores.save(store);
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a " + type + " trust store: " + e, e);
    }
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) throws Exception {
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(SERIALS.incrementAndGet());
  }

  private static GeneralName alternativeName(String host) {
    boolean ip = host.matches("[0-9.]+") || host.contains(":");
    return new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host);
  }

  static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
