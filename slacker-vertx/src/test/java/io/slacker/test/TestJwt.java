package io.slacker.test;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** A JWT issuer and verifier with an HMAC key generated for one test: another instance is another key. */
public final class TestJwt {

  private final JWTAuth auth;

  public TestJwt(Vertx vertx) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    auth = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
        .setAlgorithm("HS256")
        .setBuffer(Base64.getEncoder().encodeToString(key))));
    // The first verification loads JWT and crypto classes, slow on a loaded machine: pay for it
    // here, on the test's thread, rather than on an event loop watched by the blocked-thread guard.
    auth.authenticate(new TokenCredentials(token("warm-up")));
    auth.authenticate(new TokenCredentials("not-a-token"));
  }

  /** @return the provider a server verifies tokens with */
  public JWTAuth auth() {
    return auth;
  }

  /** @return a token for {@code subject}, valid for an hour, granting {@code permissions} (the "permissions" claim) */
  public String token(String subject, String... permissions) {
    return token(subject, System.currentTimeMillis() / 1000 + 3600, permissions);
  }

  /** @param expiresAtSeconds the {@code exp} claim, seconds since the epoch; in the past for an expired token */
  public String token(String subject, long expiresAtSeconds, String... permissions) {
    JsonObject claims = new JsonObject()
        .put("sub", subject)
        .put("exp", expiresAtSeconds)
        .put("permissions", new JsonArray(List.of((Object[]) permissions)));
    return auth.generateToken(claims, new JWTOptions().setAlgorithm("HS256"));
  }
}
