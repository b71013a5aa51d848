package io.slacker;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.EchoServices;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The application's own failures: its codes, its numeric failure codes and JSON details reach the caller as typed fields. */
@ExtendWith(VertxExtension.class)
class ApplicationErrorsTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static final String SERVICE = "test.Orders";
  private static final MethodDescriptor PLACE = MethodDescriptor.builder(SERVICE, "place")
      .parameterTypes(String.class).returnType(String.class).build();

  private final Vertx vertx = TestVertx.create();
  private SlackerServer server;
  private SlackerClient client;
  private CallOptions toServer;

  @BeforeEach
  void start() throws Exception {
    server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(ServiceDefinition.builder(SERVICE)
            .method(PLACE, args -> switch ((String) args[0]) {
              case "sold-out" -> Future.failedFuture(new ServiceException(4711, "out of stock",
                  new JsonObject().put("sku", "A-1").put("available", 0)));
              case "negative" -> Future.failedFuture(new SlackerException(StatusCode.INVALID_ARGUMENT,
                  "quantity must be positive", new JsonObject().put("field", "quantity")));
              case "stranger" -> Future.failedFuture(new SlackerException(StatusCode.PERMISSION_DENIED, "not your order"));
              case "shipped" -> Future.failedFuture(new SlackerException(StatusCode.FAILED_PRECONDITION, "already shipped"));
              case "missing" -> Future.failedFuture(new SlackerException(StatusCode.ENTITY_NOT_FOUND, "no order 42"));
              default -> Future.succeededFuture("placed " + args[0]);
            })
            .build())
        .register(new EchoServices().definition());
    server.listen().await(10, TimeUnit.SECONDS);
    client = SlackerClient.create(vertx);
    toServer = new CallOptions().setServer(SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1"));
  }

  @AfterEach
  void stop() throws Exception {
    client.close().await(5, TimeUnit.SECONDS);
    server.close().await(5, TimeUnit.SECONDS);
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  private SlackerException failureOf(String order) {
    return assertThrows(SlackerException.class, () -> client.call(PLACE, new Object[]{order}, toServer).await(5, TimeUnit.SECONDS));
  }

  @Test
  void aFailureCodeAndDetailsRoundTripAndACallerRecoversOnTheCode(VertxTestContext test) {
    client.<String>call(PLACE, new Object[]{"sold-out"}, toServer)
        .recover(failure -> failure instanceof ServiceException e && e.failureCode() == 4711
            ? Future.succeededFuture("back-ordered " + e.details().getString("sku"))
            : Future.failedFuture(failure))
        .onComplete(test.succeeding(result -> test.verify(() -> {
          assertEquals("back-ordered A-1", result);
          test.completeNow();
        })));
  }

  @Test
  void theApplicationsCodesPassThroughWithTheirDetails() throws Exception {
    ServiceException soldOut = assertInstanceOf(ServiceException.class, failureOf("sold-out"));
    assertEquals(StatusCode.APPLICATION_ERROR, soldOut.code());
    assertEquals(4711, soldOut.failureCode());
    assertEquals("out of stock", soldOut.getMessage());
    assertEquals(new JsonObject().put("sku", "A-1").put("available", 0), soldOut.details());

    SlackerException negative = failureOf("negative");
    assertEquals(StatusCode.INVALID_ARGUMENT, negative.code());
    assertEquals(new JsonObject().put("field", "quantity"), negative.details());
    assertNull(negative.relayedCode(), "the application's own code is not relayed");
    assertEquals(StatusCode.PERMISSION_DENIED, failureOf("stranger").code());
    assertEquals(StatusCode.FAILED_PRECONDITION, failureOf("shipped").code());
    assertEquals(StatusCode.ENTITY_NOT_FOUND, failureOf("missing").code());
    assertEquals("no order 42", failureOf("missing").getMessage());
    assertEquals("placed ok", client.call(PLACE, new Object[]{"ok"}, toServer).await(5, TimeUnit.SECONDS));
  }

  @Test
  void aClientThatReadsNoExtendedErrorsGetsApplicationErrors() throws Exception {
    try (RawConnection raw = new RawConnection(server.actualPort())) {
      // A HELLO announcing no capability, as a client of the first protocol version sends.
      raw.send(RawFrames.hello());
      assertEquals(RawFrames.HELLO, raw.read().type());
      ReadFrame negative = raw.send(RawFrames.request(1, RawFrames.JSON, 5_000, SERVICE, "place(java.lang.String)",
          RawFrames.json("[\"negative\"]"))).read();
      assertEquals(StatusCode.APPLICATION_ERROR.value(), negative.errorCode());
      assertEquals("INVALID_ARGUMENT: quantity must be positive", negative.errorMessage());
      ReadFrame soldOut = raw.send(RawFrames.request(2, RawFrames.JSON, 5_000, SERVICE, "place(java.lang.String)",
          RawFrames.json("[\"sold-out\"]"))).read();
      assertEquals(StatusCode.APPLICATION_ERROR.value(), soldOut.errorCode());
      assertEquals("out of stock", soldOut.errorMessage());
      // code, message, an empty remote class, and nothing after: no extension for a client that did not ask.
      assertEquals(2 + 2 + soldOut.errorMessage().length() + 2, soldOut.body().length);
    }
    assertEquals("placed ok", client.call(PLACE, new Object[]{"ok"}, toServer).await(5, TimeUnit.SECONDS),
        "the server still serves");
  }
}
