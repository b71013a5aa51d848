package io.slacker.benchmarks.tls;

import io.slacker.testing.TestCertificate;
import io.slacker.testing.TestCertificateAuthority;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The TLS material of the TLS rows, made by the runner for each run and handed to both forked
 * processes as PEM files: a CA, and a server certificate for 127.0.0.1 that it signed.
 */
public final class TlsFiles {

  private TlsFiles() {
  }

  /**
   * Writes the files into {@code directory}, to be deleted when this JVM exits: they are made
   * again for every run and never kept with the results.
   *
   * @return the settings that name the files: {@code tlsCert}, {@code tlsKey}, {@code tlsCa}
   */
  public static List<String> write(Path directory) throws IOException {
    Files.createDirectories(directory);
    directory.toFile().deleteOnExit();
    TestCertificateAuthority ca = TestCertificateAuthority.create("benchmark CA");
    TestCertificate server = ca.issueServer("127.0.0.1");
    server.writePem(directory, "server");
    Path caFile = directory.resolve("ca.crt");
    Files.writeString(caFile, ca.certificatePem(), StandardCharsets.US_ASCII);
    for (String name : List.of("server.crt", "server.key", "ca.crt")) {
      directory.resolve(name).toFile().deleteOnExit();
    }
    return List.of("tlsCert=" + directory.resolve("server.crt").toAbsolutePath(),
        "tlsKey=" + directory.resolve("server.key").toAbsolutePath(),
        "tlsCa=" + caFile.toAbsolutePath());
  }
}
