package io.slacker.impl.client;

import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.TokenProvider;
import io.slacker.impl.protocol.Protocol;
import io.vertx.core.Future;

import java.nio.charset.StandardCharsets;

/** Asks a {@link TokenProvider} for its current token, and turns anything short of one into UNAUTHENTICATED. */
final class ClientTokens {

  private ClientTokens() {
  }

  /** @param purpose what the token is for, in the failure's message */
  static Future<String> current(TokenProvider provider, String purpose) {
    Future<String> token;
    try {
      token = provider.token();
    } catch (RuntimeException e) {
      token = Future.failedFuture(e);
    }
    if (token == null) {
      token = Future.failedFuture(new IllegalStateException("the provider returned no future"));
    }
    return token.transform(ar -> {
      if (ar.failed()) {
        return Future.failedFuture(new SlackerException(StatusCode.UNAUTHENTICATED,
            "no token for " + purpose + ": " + ar.cause().getMessage(), ar.cause()));
      }
      if (ar.result() == null || ar.result().isEmpty()) {
        return Future.failedFuture(new SlackerException(StatusCode.UNAUTHENTICATED,
            "no token for " + purpose + ": the provider gave an empty one"));
      }
      int length = ar.result().getBytes(StandardCharsets.UTF_8).length;
      if (length > Protocol.MAX_STRING_BYTES) {
        // A HELLO string holds no more, and the server's metadata limit would refuse it with each call.
        return Future.failedFuture(new SlackerException(StatusCode.UNAUTHENTICATED, "no token for " + purpose
            + ": the provider gave one of " + length + " bytes, over the " + Protocol.MAX_STRING_BYTES + " that Slacker carries"));
      }
      return Future.succeededFuture(ar.result());
    });
  }
}
