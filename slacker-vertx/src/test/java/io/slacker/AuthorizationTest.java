package io.slacker;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;
import io.slacker.test.TestJwt;
import io.slacker.test.TestVertx;
import io.slacker.admin.ServerDescription;
import io.slacker.admin.ServiceDescription;
import io.slacker.admin.SlackerAdmin;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authorization.AuthorizationProvider;
import io.vertx.ext.auth.authorization.PermissionBasedAuthorization;
import io.vertx.ext.auth.authorization.RoleBasedAuthorization;
import io.vertx.ext.auth.jwt.authorization.JWTAuthorization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Permissions and roles that descriptors declare, and rules configured on the server, are checked
 * with vert.x's authorizations before the method runs: a caller that lacks one is answered
 * PERMISSION_DENIED and the method does not run, whichever way the call arrives.
 */
class AuthorizationTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static final String SERVICE = "test.Orders";
  /** Needs nothing beyond the service's rules. */
  private static final MethodDescriptor LIST = MethodDescriptor.builder(SERVICE, "list")
      .returnType(String.class).build();
  private static final MethodDescriptor PLACE = MethodDescriptor.builder(SERVICE, "place")
      .parameterTypes(String.class).returnType(String.class).permissions("orders:write").build();
  private static final MethodDescriptor PURGE = MethodDescriptor.builder(SERVICE, "purge")
      .returnType(String.class).permissions(SlackerPermissions.ADMIN).build();
  private static final MethodDescriptor AUDIT = MethodDescriptor.builder(SERVICE, "audit")
      .parameterTypes(String.class).oneWay(true).permissions("orders:audit").build();
  private static final MethodDescriptor CANCEL = MethodDescriptor.builder(SERVICE, "cancel")
      .parameterTypes(String.class).returnType(String.class).build();
  private static final MethodDescriptor REFUND = MethodDescriptor.builder(SERVICE, "refund")
      .parameterTypes(String.class).returnType(String.class).roles("cashier").build();

  private final Vertx vertx = TestVertx.create();
  private final TestJwt jwt = new TestJwt(vertx);
  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  private final List<String> audits = new CopyOnWriteArrayList<>();
  private final List<SlackerClient> clients = new CopyOnWriteArrayList<>();
  private final AtomicInteger roleLoads = new AtomicInteger();
  private SlackerServer server;
  private CallOptions toServer;

  @BeforeEach
  void start() throws Exception {
    server = listen(true);
  }

  private SlackerServer listen(boolean authenticated) throws Exception {
    SlackerServer created = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(ServiceDefinition.builder(SERVICE)
            .method(LIST, args -> ran("list"))
            .method(PLACE, args -> ran("place " + args[0]))
            .method(PURGE, args -> ran("purge"))
            .method(AUDIT, args -> {
              audits.add((String) args[0]);
              return Future.succeededFuture();
            })
            .method(CANCEL, args -> ran("cancel " + args[0]))
            .method(REFUND, args -> ran("refund " + args[0]))
            .build());
    if (authenticated) {
      created.authentication(jwt.auth())
          .addAuthorizationProvider(JWTAuthorization.create("permissions"))
          .addAuthorizationProvider(rolesFromDirectory())
          .requireAuthorization(SERVICE, RoleBasedAuthorization.create("staff"))
          .requireAuthorization(SERVICE, "cancel", PermissionBasedAuthorization.create("orders:cancel"));
    }
    created.listen().await(10, TimeUnit.SECONDS);
    toServer = new CallOptions().setServer(SocketAddress.inetSocketAddress(created.actualPort(), "127.0.0.1"));
    return created;
  }

  /** Roles as a directory outside the token would hold them, loaded once per user. */
  private AuthorizationProvider rolesFromDirectory() {
    Map<String, Set<String>> directory = Map.of(
        "alice", Set.of("staff", "cashier"),
        "bob", Set.of("staff"),
        "root", Set.of("staff"));
    return new AuthorizationProvider() {
      @Override
      public String getId() {
        return "directory";
      }

      @Override
      public Future<Void> getAuthorizations(User user) {
        roleLoads.incrementAndGet();
        user.authorizations().put(getId(), directory.getOrDefault(user.subject(), Set.of()).stream()
            .map(RoleBasedAuthorization::create).collect(Collectors.toSet()));
        return Future.succeededFuture();
      }
    };
  }

  private Future<Object> ran(String what) {
    runs.computeIfAbsent(what.split(" ")[0], k -> new AtomicInteger()).incrementAndGet();
    return Future.succeededFuture(what + " by " + ServerCall.current().user().subject());
  }

  private int runsOf(String method) {
    return runs.getOrDefault(method, new AtomicInteger()).get();
  }

  @AfterEach
  void stop() throws Exception {
    for (SlackerClient client : clients) {
      client.close().await(5, TimeUnit.SECONDS);
    }
    server.close().await(5, TimeUnit.SECONDS);
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  private SlackerClient as(String subject, String... permissions) {
    SlackerClient client = SlackerClient.create(vertx).tokenProvider(TokenProvider.of(jwt.token(subject, permissions)));
    clients.add(client);
    return client;
  }

  private Object call(SlackerClient client, MethodDescriptor method, Object... args) throws Exception {
    return client.call(method, args, toServer).await(5, TimeUnit.SECONDS);
  }

  private SlackerException refusal(SlackerClient client, MethodDescriptor method, Object... args) {
    return assertThrows(SlackerException.class, () -> call(client, method, args));
  }

  /** After every refusal: a caller with the permission is still served. */
  private void assertServesAnAuthorizedCaller() throws Exception {
    assertEquals("place ok by alice", call(as("alice", "orders:write"), PLACE, "ok"));
  }

  @Test
  void aMissingPermissionIsRefusedAndTheMethodDoesNotRun() throws Exception {
    SlackerException refused = refusal(as("bob"), PLACE, "x");
    assertEquals(StatusCode.PERMISSION_DENIED, refused.code());
    assertEquals("'bob' lacks permission 'orders:write', which test.Orders#place(java.lang.String) requires",
        refused.getMessage());
    assertEquals(0, runsOf("place"));
    assertServesAnAuthorizedCaller();
  }

  @Test
  void aGrantedPermissionRuns() throws Exception {
    assertEquals("place a by bob", call(as("bob", "orders:write"), PLACE, "a"));
    assertEquals("list by bob", call(as("bob"), LIST));
    assertEquals(1, runsOf("place"));
  }

  @Test
  void theAdminPermissionGuardsAdministrativeMethods() throws Exception {
    assertEquals(StatusCode.PERMISSION_DENIED, refusal(as("bob", "orders:write"), PURGE).code());
    assertEquals(0, runsOf("purge"));
    assertEquals("purge by root", call(as("root", SlackerPermissions.ADMIN), PURGE));
  }

  @Test
  void theBuiltInServiceNeedsTheAdminPermissionOnAnAuthenticatingServer() throws Exception {
    SocketAddress address = toServer.getServer();
    SlackerException describe = assertThrows(SlackerException.class,
        () -> SlackerAdmin.create(as("bob", "orders:write")).describe(address).await(5, TimeUnit.SECONDS));
    assertEquals(StatusCode.PERMISSION_DENIED, describe.code());
    assertTrue(describe.getMessage().contains("'" + SlackerPermissions.ADMIN + "'"), describe.getMessage());
    SlackerException offline = assertThrows(SlackerException.class,
        () -> SlackerAdmin.create(as("bob")).offline(address).await(5, TimeUnit.SECONDS));
    assertEquals(StatusCode.PERMISSION_DENIED, offline.code());
    // The operator: the admin permission, and the staff role every method of test.Orders requires of its callers.
    ServerDescription described = SlackerAdmin.create(as("root", SlackerPermissions.ADMIN)).describe(address)
        .await(5, TimeUnit.SECONDS);
    assertEquals(List.of(SlackerAdmin.SERVICE, SERVICE),
        described.getServices().stream().map(ServiceDescription::getName).toList());
    assertEquals(List.of("orders:write"), described.service(SERVICE).method("place").getPermissions());
    assertServesAnAuthorizedCaller();
  }

  @Test
  void serverRulesApplyToTheServiceAndToNamedMethods() throws Exception {
    // The service rule: a role from the directory, which "eve" does not have, whatever her permissions.
    SlackerException notStaff = refusal(as("eve", "orders:write", "orders:cancel"), LIST);
    assertEquals(StatusCode.PERMISSION_DENIED, notStaff.code());
    assertTrue(notStaff.getMessage().contains("role 'staff'"), notStaff.getMessage());
    // The method rule adds to the service's.
    assertEquals(StatusCode.PERMISSION_DENIED, refusal(as("bob"), CANCEL, "7").code());
    assertEquals("cancel 7 by bob", call(as("bob", "orders:cancel"), CANCEL, "7"));
    // A role the descriptor declares, checked with the provider's roles.
    assertEquals(StatusCode.PERMISSION_DENIED, refusal(as("bob"), REFUND, "7").code());
    assertEquals("refund 7 by alice", call(as("alice"), REFUND, "7"));
    assertEquals(0, runsOf("list"));
    assertServesAnAuthorizedCaller();
  }

  @Test
  void aUsersAuthorizationsAreLoadedOncePerConnectionIdentity() throws Exception {
    SlackerClient bob = as("bob", "orders:write");
    for (int i = 0; i < 5; i++) {
      call(bob, PLACE, "n" + i);
    }
    assertEquals(1, roleLoads.get());
  }

  @Test
  void byNameCallsAreCheckedTheSameWay() throws Exception {
    SlackerException refused = assertThrows(SlackerException.class, () -> as("bob").call(null, SERVICE, "place",
        List.of("x"), String.class, toServer).await(5, TimeUnit.SECONDS));
    assertEquals(StatusCode.PERMISSION_DENIED, refused.code());
    assertEquals(0, runsOf("place"));
    assertEquals("place y by bob", as("bob", "orders:write").call(null, SERVICE, "place", List.of("y"), String.class,
        toServer).await(5, TimeUnit.SECONDS));
  }

  @Test
  void oneWayCallsWithoutThePermissionDoNotRun() throws Exception {
    SlackerClient bob = as("bob");
    call(bob, AUDIT, "refused");
    SlackerClient auditor = as("bob", "orders:audit");
    call(auditor, AUDIT, "allowed");
    // Requests on one connection run in order: once these answer, the one-way calls before them ran.
    call(bob, LIST);
    call(auditor, LIST);
    assertEquals(List.of("allowed"), audits);
  }

  @Test
  void aClientWithoutExtendedErrorsGetsTheRefusalAsAnApplicationError() throws Exception {
    try (RawConnection raw = new RawConnection(server.actualPort())) {
      raw.send(RawFrames.hello()).read();
      ReadFrame refused = raw.send(RawFrames.requestByName(1, SERVICE, "place", "slacker-token", jwt.token("bob"),
          new JsonArray().add("x").encode())).read();
      assertEquals(StatusCode.APPLICATION_ERROR.value(), refused.errorCode());
      assertTrue(refused.errorMessage().startsWith("PERMISSION_DENIED: 'bob' lacks permission 'orders:write'"),
          refused.errorMessage());
    }
    assertEquals(0, runsOf("place"));
    assertServesAnAuthorizedCaller();
  }

  @Test
  void aMethodThatNeedsAPermissionIsRefusedByAServerWithoutAuthentication() throws Exception {
    server.close().await(5, TimeUnit.SECONDS);
    server = listen(false);
    SlackerClient anonymous = SlackerClient.create(vertx);
    clients.add(anonymous);
    SlackerException refused = refusal(anonymous, PLACE, "x");
    assertEquals(StatusCode.PERMISSION_DENIED, refused.code());
    assertTrue(refused.getMessage().contains("authenticates no caller"), refused.getMessage());
    assertEquals(0, runsOf("place"));
  }

  @Test
  void descriptorsRefuseEmptyNames() {
    assertThrows(IllegalArgumentException.class, () -> MethodDescriptor.builder(SERVICE, "m").permissions(""));
    assertThrows(IllegalArgumentException.class, () -> MethodDescriptor.builder(SERVICE, "m").roles((String) null));
    assertThrows(IllegalArgumentException.class, () -> server.requireAuthorization("", RoleBasedAuthorization.create("x")));
    assertThrows(NullPointerException.class, () -> server.requireAuthorization(SERVICE, "list", null));
  }
}
