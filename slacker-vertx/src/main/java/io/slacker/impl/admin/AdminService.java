package io.slacker.impl.admin;

import io.slacker.MethodDescriptor;
import io.slacker.SlackerPermissions;
import io.slacker.admin.SlackerAdmin;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * The methods of the built-in {@value SlackerAdmin#SERVICE} service, shared by the server that
 * answers them and by {@link SlackerAdminImpl}. Every one carries {@link SlackerPermissions#ADMIN},
 * which a server that authenticates its callers checks; {@code AccessControl} decides for a server
 * that does not.
 */
public final class AdminService {

  public static final MethodDescriptor DESCRIBE = MethodDescriptor.builder(SlackerAdmin.SERVICE, "describe")
      .returnType(JsonObject.class).idempotent(true).permissions(SlackerPermissions.ADMIN)
      .doc("The server's services and their methods, its clients, server data, uptime and version.")
      .build();
  public static final MethodDescriptor OFFLINE = MethodDescriptor.builder(SlackerAdmin.SERVICE, "offline")
      .parameterTypes(String.class).parameterNames("service").idempotent(true).permissions(SlackerPermissions.ADMIN)
      .doc("Takes one service (or, with null, the whole server) out of rotation in discovery.")
      .build();
  public static final MethodDescriptor ONLINE = MethodDescriptor.builder(SlackerAdmin.SERVICE, "online")
      .parameterTypes(String.class).parameterNames("service").idempotent(true).permissions(SlackerPermissions.ADMIN)
      .doc("Puts one service (or, with null, the whole server) back in rotation in discovery.")
      .build();
  public static final MethodDescriptor DATA = MethodDescriptor.builder(SlackerAdmin.SERVICE, "data")
      .returnType(JsonObject.class).idempotent(true).permissions(SlackerPermissions.ADMIN)
      .doc("The server data the server publishes in discovery.")
      .build();
  public static final MethodDescriptor UPDATE_DATA = MethodDescriptor.builder(SlackerAdmin.SERVICE, "updateData")
      .parameterTypes(JsonObject.class).parameterNames("data").returnType(JsonObject.class).idempotent(true)
      .permissions(SlackerPermissions.ADMIN)
      .doc("Replaces the server data the server publishes, and answers what is now published.")
      .build();
  public static final MethodDescriptor SHUTDOWN = MethodDescriptor.builder(SlackerAdmin.SERVICE, "shutdown")
      .parameterTypes(long.class).parameterNames("timeoutMillis").permissions(SlackerPermissions.ADMIN)
      .doc("Starts the server's graceful shutdown, waiting at most timeoutMillis for calls in flight.")
      .build();

  /** The methods that change the server, as opposed to describing it. */
  private static final Set<MethodDescriptor> CHANGES = Set.of(OFFLINE, ONLINE, UPDATE_DATA, SHUTDOWN);

  private AdminService() {
  }

  /** @return whether {@code method} is one of the built-in service's that change the server */
  public static boolean changesServer(MethodDescriptor method) {
    return CHANGES.contains(method);
  }

  /** @return whether {@code method} belongs to the built-in service */
  public static boolean isBuiltIn(MethodDescriptor method) {
    return SlackerAdmin.SERVICE.equals(method.serviceName());
  }
}
