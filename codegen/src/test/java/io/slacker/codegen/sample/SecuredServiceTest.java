package io.slacker.codegen.sample;

import io.slacker.CallOptions;
import io.slacker.ServerCall;
import io.slacker.SlackerClient;
import io.slacker.SlackerException;
import io.slacker.SlackerPermissions;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.StatusCode;
import io.slacker.TokenProvider;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.authorization.Authorization;
import io.vertx.ext.auth.authorization.PermissionBasedAuthorization;
import io.vertx.ext.auth.authorization.RoleBasedAuthorization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code @RequiresPermission} and {@code @RequiresRole} reach the descriptors, and the server checks them before the method runs. */
class SecuredServiceTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  /** Token "name" is user "name", with the permissions and roles listed here. */
  private static final Map<String, JsonObject> USERS = Map.of(
      "reader", grants(List.of("orders:read"), List.of()),
      "writer", grants(List.of("orders:read", "orders:write"), List.of()),
      "clerk", grants(List.of("orders:read", "orders:write"), List.of("clerk")),
      "admin", grants(List.of("orders:read", SlackerPermissions.ADMIN), List.of()),
      "nobody", grants(List.of(), List.of()));

  private final Vertx vertx = TestVertx.create();
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final List<SlackerClient> clients = new CopyOnWriteArrayList<>();
  private SlackerServer server;

  private static JsonObject grants(List<String> permissions, List<String> roles) {
    return new JsonObject().put("permissions", permissions).put("roles", roles);
  }

  /** A provider that knows the users above and loads their authorizations as it authenticates them. */
  private static final AuthenticationProvider DIRECTORY = credentials -> {
    String name = ((TokenCredentials) credentials).getToken();
    JsonObject grants = USERS.get(name);
    if (grants == null) {
      return Future.failedFuture("unknown user " + name);
    }
    User user = User.fromName(name);
    Set<Authorization> granted = new HashSet<>();
    grants.getJsonArray("permissions").forEach(p -> granted.add(PermissionBasedAuthorization.create((String) p)));
    grants.getJsonArray("roles").forEach(r -> granted.add(RoleBasedAuthorization.create((String) r)));
    user.authorizations().put("directory", granted);
    return Future.succeededFuture(user);
  };

  @BeforeEach
  void start() throws Exception {
    server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .authentication(DIRECTORY)
        .register(SecuredService.class, new SecuredService() {
          @Override
          public Future<String> list() {
            return done("list");
          }

          @Override
          public Future<String> place(String item) {
            return done("place " + item);
          }

          @Override
          public void purge(String reason) {
            done("purge " + reason);
          }

          private Future<String> done(String what) {
            String entry = what + " by " + ServerCall.current().user().subject();
            ran.add(entry);
            return Future.succeededFuture(entry);
          }
        });
    server.listen().await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    for (SlackerClient client : clients) {
      client.close().await(5, TimeUnit.SECONDS);
    }
    server.close().await(5, TimeUnit.SECONDS);
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  private SecuredService as(String user) {
    SlackerClient client = SlackerClient.create(vertx).tokenProvider(TokenProvider.of(user));
    clients.add(client);
    return client.proxy(SecuredService.class, new CallOptions()
        .setServer(SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1")));
  }

  @Test
  void annotationsOnTheInterfaceAndTheMethodReachTheDescriptors() {
    assertEquals(List.of("orders:read"), SecuredServiceSlackerBinding.LIST.permissions());
    assertEquals(List.of(), SecuredServiceSlackerBinding.LIST.roles());
    assertEquals(List.of("orders:read", "orders:write"), SecuredServiceSlackerBinding.PLACE.permissions());
    assertEquals(List.of("clerk"), SecuredServiceSlackerBinding.PLACE.roles());
    assertEquals(List.of("orders:read", SlackerPermissions.ADMIN), SecuredServiceSlackerBinding.PURGE.permissions());
  }

  @Test
  void theServiceRequirementAppliesToEveryMethod() throws Exception {
    SlackerException refused = assertThrows(SlackerException.class, () -> as("nobody").list().await(5, TimeUnit.SECONDS));
    assertEquals(StatusCode.PERMISSION_DENIED, refused.code());
    assertEquals("list by reader", as("reader").list().await(5, TimeUnit.SECONDS));
  }

  @Test
  void aMethodsRequirementsAddToTheServices() throws Exception {
    assertEquals(StatusCode.PERMISSION_DENIED, assertThrows(SlackerException.class,
        () -> as("reader").place("a").await(5, TimeUnit.SECONDS)).code());
    SlackerException noRole = assertThrows(SlackerException.class, () -> as("writer").place("b").await(5, TimeUnit.SECONDS));
    assertEquals(StatusCode.PERMISSION_DENIED, noRole.code());
    assertEquals("'writer' lacks role 'clerk', which secured#place(java.lang.String) requires", noRole.getMessage());
    assertEquals("place c by clerk", as("clerk").place("c").await(5, TimeUnit.SECONDS));
    assertEquals(List.of("place c by clerk"), ran);
  }

  @Test
  void aOneWayAdminMethodRunsOnlyForAnAdmin() throws Exception {
    SecuredService clerk = as("clerk");
    clerk.purge("by a clerk");
    SecuredService admin = as("admin");
    admin.purge("by an admin");
    // Requests on one connection run in order: once these answer, the one-way calls before them ran.
    clerk.list().await(5, TimeUnit.SECONDS);
    admin.list().await(5, TimeUnit.SECONDS);
    assertEquals(List.of("purge by an admin by admin"), ran.stream().filter(r -> r.startsWith("purge")).toList());
  }
}
