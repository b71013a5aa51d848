package io.slacker;

import io.slacker.impl.protocol.FrameEncoder;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.EchoServices;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;
import io.slacker.test.TestJwt;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server with an {@code AuthenticationProvider} runs only calls whose caller it verified, and
 * refuses the others with UNAUTHENTICATED without running them; after each refusal it keeps
 * serving. A server without one behaves as before authentication existed.
 */
class AuthenticationTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static final String SERVICE = "test.Who";
  private static final MethodDescriptor WHOAMI = MethodDescriptor.builder(SERVICE, "whoami")
      .returnType(String.class).build();
  private static final MethodDescriptor RECORD = MethodDescriptor.builder(SERVICE, "record")
      .parameterTypes(String.class).oneWay(true).build();

  private final Vertx vertx = TestVertx.create();
  private final TestJwt jwt = new TestJwt(vertx);
  private final AtomicInteger runs = new AtomicInteger();
  private final List<String> recorded = new CopyOnWriteArrayList<>();
  private final List<SlackerClient> clients = new CopyOnWriteArrayList<>();
  private SlackerServer server;
  private CallOptions toServer;

  @BeforeEach
  void start() throws Exception {
    server = listen(true);
  }

  private SlackerServer listen(boolean authenticated) throws Exception {
    SlackerServer created = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(ServiceDefinition.builder(SERVICE)
            .method(WHOAMI, args -> {
              runs.incrementAndGet();
              ServerCall call = ServerCall.current();
              return Future.succeededFuture(call.user() == null ? "anonymous"
                  : call.user().subject() + " " + call.metadata().keys());
            })
            .method(RECORD, args -> {
              recorded.add(ServerCall.current().user().subject() + ": " + args[0]);
              return Future.succeededFuture();
            })
            .build())
        .register(new EchoServices().definition());
    if (authenticated) {
      created.authentication(jwt.auth());
    }
    created.listen().await(10, TimeUnit.SECONDS);
    toServer = new CallOptions().setServer(SocketAddress.inetSocketAddress(created.actualPort(), "127.0.0.1"));
    return created;
  }

  @AfterEach
  void stop() throws Exception {
    for (SlackerClient client : clients) {
      client.close().await(5, TimeUnit.SECONDS);
    }
    server.close().await(5, TimeUnit.SECONDS);
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  private SlackerClient client(TokenProvider tokens) {
    SlackerClient client = SlackerClient.create(vertx);
    if (tokens != null) {
      client.tokenProvider(tokens);
    }
    clients.add(client);
    return client;
  }

  private String whoami(SlackerClient client) throws Exception {
    return client.<String>call(WHOAMI, new Object[0], toServer).await(5, TimeUnit.SECONDS);
  }

  private SlackerException refusal(SlackerClient client) {
    return assertThrows(SlackerException.class, () -> whoami(client));
  }

  /** After every refusal: a caller with a valid token is still served. */
  private void assertServesAValidCaller() throws Exception {
    assertEquals("carol []", whoami(client(TokenProvider.of(jwt.token("carol")))));
  }

  @Test
  void aValidTokenRunsTheCallAndTheMethodSeesItsUserButNotTheToken() throws Exception {
    AtomicReference<String> seenByInterceptor = new AtomicReference<>();
    server.addInterceptor((call, next) -> {
      seenByInterceptor.set(call.user().subject());
      return next.proceed();
    });
    assertEquals("alice []", whoami(client(TokenProvider.of(jwt.token("alice")))));
    assertEquals("alice", seenByInterceptor.get());
    assertEquals(1, runs.get());
  }

  @Test
  void noCredentialIsRefusedAndNotRun() throws Exception {
    SlackerException refused = refusal(client(null));
    assertEquals(StatusCode.UNAUTHENTICATED, refused.code());
    assertTrue(refused.getMessage().contains("requires authentication"), refused.getMessage());
    assertEquals(0, runs.get());
    assertServesAValidCaller();
  }

  @Test
  void anAnonymousCallIsRefusedBeforeItsArgumentsAreDecoded() throws Exception {
    // Arguments that do not decode would be BAD_REQUEST: the refusal comes first, nothing is read.
    SlackerException refused = assertThrows(SlackerException.class, () -> client(null)
        .call(toServer.getServer(), SERVICE, "record", List.of(Map.of("not", "a string")), Void.class, new CallOptions())
        .await(5, TimeUnit.SECONDS));
    assertEquals(StatusCode.UNAUTHENTICATED, refused.code(), refused.getMessage());
    SlackerException decoded = assertThrows(SlackerException.class, () -> client(TokenProvider.of(jwt.token("alice")))
        .call(toServer.getServer(), SERVICE, "whoami", List.of("unexpected"), String.class, new CallOptions())
        .await(5, TimeUnit.SECONDS));
    assertEquals(StatusCode.BAD_REQUEST, decoded.code(), "an authenticated caller's arguments are decoded: " + decoded.getMessage());
    assertServesAValidCaller();
  }

  @Test
  void aWrongCredentialIsRefusedAndNotRun() throws Exception {
    SlackerException refused = refusal(client(TokenProvider.of("not-a-token")));
    assertEquals(StatusCode.UNAUTHENTICATED, refused.code());
    assertTrue(refused.getMessage().startsWith("the credential was refused"), refused.getMessage());
    assertEquals(0, runs.get());
    assertServesAValidCaller();
  }

  @Test
  void anExpiredJwtIsRefusedAndNotRun() throws Exception {
    long anHourAgo = System.currentTimeMillis() / 1000 - 3600;
    assertEquals(StatusCode.UNAUTHENTICATED, refusal(client(TokenProvider.of(jwt.token("alice", anHourAgo)))).code());
    assertEquals(0, runs.get());
    assertServesAValidCaller();
  }

  @Test
  void aJwtSignedWithAnotherKeyIsRefusedAndNotRun() throws Exception {
    String forged = new TestJwt(vertx).token("mallory", SlackerPermissions.ADMIN);
    assertEquals(StatusCode.UNAUTHENTICATED, refusal(client(TokenProvider.of(forged))).code());
    assertEquals(0, runs.get());
    assertServesAValidCaller();
  }

  @Test
  void aProviderThatFailsFailsTheCallUnsent() throws Exception {
    SlackerException refused = refusal(client(() -> Future.failedFuture("the identity service is down")));
    assertEquals(StatusCode.UNAUTHENTICATED, refused.code());
    assertTrue(refused.getMessage().contains("the identity service is down"), refused.getMessage());
    assertEquals(0, runs.get());
  }

  @Test
  void aTokenOverTheProtocolsStringLimitIsNotSent() throws Exception {
    SlackerException refused = refusal(client(TokenProvider.of(jwt.token("alice", "x".repeat(70_000)))));
    assertEquals(StatusCode.UNAUTHENTICATED, refused.code());
    assertTrue(refused.getMessage().contains("over the 65535 that Slacker carries"), refused.getMessage());
    assertEquals(0, runs.get());
    assertEquals("alice []", whoami(client(TokenProvider.of(jwt.token("alice", "x".repeat(30_000))))));
  }

  @Test
  void aProviderThatFailsAsTheConnectionOpensOnlyDelaysItsTokenToTheCalls() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    String token = jwt.token("alice");
    SlackerClient client = client(() -> asked.incrementAndGet() == 2
        ? Future.failedFuture("the identity service blinked")
        : Future.succeededFuture(token));
    // Asked for the call (1), then for the connection's HELLO (2, fails): the call carries its token itself.
    assertEquals("alice []", whoami(client));
    assertEquals("alice []", whoami(client));
  }

  @Test
  void oneWayCallsWithoutAValidIdentityAreNotRun() throws Exception {
    client(null).call(RECORD, new Object[]{"anonymous"}, toServer).await(5, TimeUnit.SECONDS);
    client(TokenProvider.of("forged")).call(RECORD, new Object[]{"forged"}, toServer).await(5, TimeUnit.SECONDS);
    SlackerClient valid = client(TokenProvider.of(jwt.token("alice")));
    valid.call(RECORD, new Object[]{"valid"}, toServer).await(5, TimeUnit.SECONDS);
    // Requests on one connection run in order: once whoami answers, the one-way call before it ran.
    whoami(valid);
    assertEquals(List.of("alice: valid"), recorded);
  }

  @Test
  void anIdentityThatExpiresOnALongLivedConnectionIsRefusedUntilTheProviderRefreshesIt() throws Exception {
    AtomicReference<String> current = new AtomicReference<>(
        jwt.token("alice", System.currentTimeMillis() / 1000 + 2));
    SlackerClient client = client(() -> Future.succeededFuture(current.get()));
    assertEquals("alice []", whoami(client));
    SlackerException expired = null;
    for (int attempt = 0; attempt < 50 && expired == null; attempt++) {
      Thread.sleep(100);
      try {
        whoami(client);
      } catch (SlackerException e) {
        expired = e;
      }
    }
    assertTrue(expired != null, "the connection kept serving an expired identity");
    assertEquals(StatusCode.UNAUTHENTICATED, expired.code());
    assertTrue(expired.getMessage().contains("has expired"), expired.getMessage());
    int runsBeforeRefresh = runs.get();

    current.set(jwt.token("alice-refreshed"));
    // Same connection: the refreshed token travels with the call, and never reaches the method's metadata.
    assertEquals("alice-refreshed []", whoami(client));
    assertEquals(runsBeforeRefresh + 1, runs.get());
  }

  @Test
  void requestsBeforeTheHelloAreRefusedThenAHelloTokenOrACallTokenAdmits() throws Exception {
    try (RawConnection raw = new RawConnection(server.actualPort())) {
      ReadFrame early = raw.send(RawFrames.request(1, RawFrames.JSON, 5_000, SERVICE, "whoami()", RawFrames.json("[]"))).read();
      assertEquals(RawFrames.ERROR, early.type());
      assertEquals(1, early.callId());
      assertEquals(StatusCode.UNAUTHENTICATED.value(), early.errorCode());

      ReadFrame byCallToken = raw.send(RawFrames.requestByName(2, SERVICE, "whoami", "slacker-token", jwt.token("bob"), "[]")).read();
      assertEquals(RawFrames.RESPONSE, byCallToken.type());
      assertEquals("\"bob []\"", byCallToken.bodyText());

      ReadFrame hello = raw.send(helloWithToken(jwt.token("dave"))).read();
      assertEquals(RawFrames.HELLO, hello.type());
      assertEquals(0x3, capabilities(hello), "the server announces that it requires authentication");
      ReadFrame afterHello = raw.send(RawFrames.request(3, RawFrames.JSON, 5_000, SERVICE, "whoami()", RawFrames.json("[]"))).read();
      assertEquals("\"dave []\"", afterHello.bodyText());
    }
    assertEquals(2, runs.get());
  }

  @Test
  void aRefusedHelloTokenRefusesTheConnectionsCallsButACallTokenStillAdmits() throws Exception {
    try (RawConnection raw = new RawConnection(server.actualPort())) {
      raw.send(helloWithToken(new TestJwt(vertx).token("mallory"))).read();
      ReadFrame refused = raw.send(RawFrames.request(1, RawFrames.JSON, 5_000, SERVICE, "whoami()", RawFrames.json("[]"))).read();
      assertEquals(StatusCode.UNAUTHENTICATED.value(), refused.errorCode());
      ReadFrame admitted = raw.send(RawFrames.requestByName(2, SERVICE, "whoami", "slacker-token", jwt.token("bob"), "[]")).read();
      assertEquals("\"bob []\"", admitted.bodyText());
    }
    assertServesAValidCaller();
  }

  @Test
  void aServerWithoutAuthenticationBehavesAsBefore() throws Exception {
    server.close().await(5, TimeUnit.SECONDS);
    server = listen(false);
    try (RawConnection raw = new RawConnection(server.actualPort())) {
      // A client of the first protocol version: no capability, no token.
      ReadFrame hello = raw.send(RawFrames.hello()).read();
      assertEquals(0x1, capabilities(hello), "no authentication announced");
      ReadFrame response = raw.send(RawFrames.request(1, RawFrames.JSON, 5_000, SERVICE, "whoami()", RawFrames.json("[]"))).read();
      assertEquals("\"anonymous\"", response.bodyText());
    }
    assertEquals("anonymous", whoami(client(null)));
    // A client that presents a token to a server that needs none is served all the same.
    assertEquals("anonymous", whoami(client(TokenProvider.of(jwt.token("alice")))));
    assertEquals("hi", client(null).call(EchoServices.ECHO, new Object[]{"hi"}, toServer).await(5, TimeUnit.SECONDS));
  }

  @Test
  void anOldClientWithoutTheCapabilityIsRefusedByAServerThatRequiresAuthentication() throws Exception {
    try (RawConnection raw = new RawConnection(server.actualPort())) {
      raw.send(RawFrames.hello()).read();
      ReadFrame refused = raw.send(RawFrames.request(1, RawFrames.JSON, 5_000, SERVICE, "whoami()", RawFrames.json("[]"))).read();
      assertEquals(StatusCode.UNAUTHENTICATED.value(), refused.errorCode());
      // The connection stays open and usable.
      ReadFrame pong = raw.send(RawFrames.frame(RawFrames.PING, 0, 0, 7, new byte[0])).read();
      assertEquals(RawFrames.PONG, pong.type());
    }
    assertEquals(0, runs.get());
    assertServesAValidCaller();
  }

  @Test
  void aFixedTokenMustNotBeEmpty() {
    assertThrows(IllegalArgumentException.class, () -> TokenProvider.of(""));
    assertThrows(NullPointerException.class, () -> TokenProvider.of(null));
  }

  private static byte[] helloWithToken(String token) {
    return FrameEncoder.hello(16 * 1024 * 1024, new int[]{RawFrames.JSON}, 0x3, null, token).getBytes();
  }

  /** §8: the capabilities follow the max frame size, the id count and the ids. */
  private static long capabilities(ReadFrame hello) {
    ByteBuffer body = ByteBuffer.wrap(hello.body());
    body.getInt();
    int count = body.get() & 0xFF;
    body.position(body.position() + count);
    return body.getInt() & 0xFFFFFFFFL;
  }
}
