package io.slacker.cli;

import io.slacker.SlackerPermissions;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.testing.TestCertificate;
import io.slacker.testing.TestCertificateAuthority;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ServerSSLOptions;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.auth.jwt.authorization.JWTAuthorization;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI against servers that authenticate callers and that speak TLS only. */
@ExtendWith(VertxExtension.class)
class CredentialsTest {

  @Test
  void aTokenWithTheAdminPermissionIsWhatAnAuthenticatingServerWants(Vertx vertx) throws Exception {
    JWTAuth jwt = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256")
        .setBuffer(Base64.getEncoder().encodeToString("a key of thirty-two bytes, or so!".getBytes()))));
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .authentication(jwt).addAuthorizationProvider(JWTAuthorization.create("permissions"));
    server.listen().await(10, TimeUnit.SECONDS);
    String address = "127.0.0.1:" + server.actualPort();
    String admin = jwt.generateToken(new JsonObject().put("sub", "ops")
        .put("permissions", new JsonArray().add(SlackerPermissions.ADMIN)), new JWTOptions().setExpiresInMinutes(10));
    String plain = jwt.generateToken(new JsonObject().put("sub", "dev"), new JWTOptions().setExpiresInMinutes(10));
    try {
      Cli.Result anonymous = Cli.run("describe", address);
      assertEquals(ExitCode.DENIED.code(), anonymous.exitCode(), anonymous.toString());
      assertTrue(anonymous.err().contains("UNAUTHENTICATED"), anonymous.toString());

      Cli.Result lacking = Cli.run("describe", address, "--token", plain);
      assertEquals(ExitCode.DENIED.code(), lacking.exitCode(), lacking.toString());
      assertTrue(lacking.err().contains("PERMISSION_DENIED") && lacking.err().contains(SlackerPermissions.ADMIN), lacking.toString());

      Cli.Result operator = Cli.run("describe", address, "--token", admin, "-o", "json");
      assertEquals(0, operator.exitCode(), operator.toString());
      assertTrue(new JsonObject(operator.out()).containsKey("services"), operator.toString());
    } finally {
      server.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aTlsServerIsReachedWithTlsAndItsCa(Vertx vertx, @TempDir Path directory) throws Exception {
    TestCertificateAuthority authority = TestCertificateAuthority.create("cli test CA");
    TestCertificate certificate = authority.issueServer("127.0.0.1", "localhost");
    Path ca = directory.resolve("ca.pem");
    Files.writeString(ca, authority.certificatePem());
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0)
        .setSsl(true).setSslOptions(new ServerSSLOptions().setKeyCertOptions(certificate.pemKeyCertOptions())));
    server.listen().await(10, TimeUnit.SECONDS);
    String address = "127.0.0.1:" + server.actualPort();
    try {
      Cli.Result secured = Cli.run("describe", address, "--tls", "--ca", ca.toString());
      assertEquals(0, secured.exitCode(), secured.toString());
      assertTrue(secured.out().contains("slacker.Server") || secured.out().contains("uptime"), secured.toString());

      Cli.Result plainTcp = Cli.run("describe", address, "--timeout", "2s");
      assertEquals(ExitCode.UNAVAILABLE.code(), plainTcp.exitCode(), plainTcp.toString());

      Cli.Result halfAPair = Cli.run("describe", address, "--tls", "--cert", ca.toString());
      assertEquals(ExitCode.USAGE.code(), halfAPair.exitCode(), halfAPair.toString());
      assertTrue(halfAPair.err().contains("--cert and --key"), halfAPair.toString());
    } finally {
      server.close().await(10, TimeUnit.SECONDS);
    }
  }
}
