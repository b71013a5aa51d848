package io.slacker.impl.server;

import io.slacker.MethodDescriptor;
import io.slacker.StatusCode;
import io.vertx.core.Future;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authorization.Authorization;
import io.vertx.ext.auth.authorization.AuthorizationProvider;
import io.vertx.ext.auth.authorization.PermissionBasedAuthorization;
import io.vertx.ext.auth.authorization.RoleBasedAuthorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a caller needs to run each method, and the check of it before the method runs: the
 * permissions and roles its descriptor declares (the generated binding records
 * {@code @RequiresPermission} and {@code @RequiresRole}) plus the rules configured on the server.
 * All of them must match. A user's authorizations are loaded once per provider and user.
 */
final class MethodAuthorizer {

  private final List<AuthorizationProvider> providers = new CopyOnWriteArrayList<>();
  /** Rules by service name ({@code "svc"}) or method ({@code "svc#name"}), for every overload of that name. */
  private final Map<String, List<Authorization>> rules = new ConcurrentHashMap<>();
  /** Each descriptor's requirements, worked out on its first call; rules added later clear it. */
  private final Map<MethodDescriptor, List<Authorization>> required = new ConcurrentHashMap<>();

  void addProvider(AuthorizationProvider provider) {
    providers.add(provider);
  }

  /** @param method a method name, or {@code null} for every method of the service */
  void addRule(String service, String method, Authorization authorization) {
    rules.computeIfAbsent(method == null ? service : service + "#" + method, k -> new CopyOnWriteArrayList<>())
        .add(authorization);
    required.clear();
  }

  /**
   * @param user the authenticated caller, or {@code null} on a server without authentication: a
   *     method that needs anything is then refused, never run unchecked
   * @return a future failed with {@code PERMISSION_DENIED} when the caller lacks something the method needs
   */
  Future<Void> authorize(User user, MethodDescriptor method) {
    List<Authorization> needed = required.computeIfAbsent(method, this::requirements);
    if (needed.isEmpty()) {
      return Future.succeededFuture();
    }
    if (user == null) {
      return Future.failedFuture(new AccessRefusal(StatusCode.PERMISSION_DENIED, method
          + " requires authorization, but this server authenticates no caller: configure its authentication"));
    }
    return loadAuthorizations(user).compose(v -> {
      for (Authorization authorization : needed) {
        if (!authorization.match(user)) {
          return Future.failedFuture(new AccessRefusal(StatusCode.PERMISSION_DENIED,
              "'" + user.subject() + "' lacks " + describe(authorization) + ", which " + method + " requires"));
        }
      }
      return Future.succeededFuture();
    });
  }

  private List<Authorization> requirements(MethodDescriptor method) {
    List<Authorization> needed = new ArrayList<>();
    method.permissions().forEach(permission -> needed.add(PermissionBasedAuthorization.create(permission)));
    method.roles().forEach(role -> needed.add(RoleBasedAuthorization.create(role)));
    needed.addAll(rules.getOrDefault(method.serviceName(), List.of()));
    needed.addAll(rules.getOrDefault(method.serviceName() + "#" + method.methodName(), List.of()));
    return List.copyOf(needed);
  }

  private Future<Void> loadAuthorizations(User user) {
    Future<Void> loaded = Future.succeededFuture();
    for (AuthorizationProvider provider : providers) {
      if (!user.authorizations().contains(provider.getId())) {
        loaded = loaded.compose(v -> provider.getAuthorizations(user));
      }
    }
    return loaded.recover(failure -> Future.failedFuture(new AccessRefusal(StatusCode.PERMISSION_DENIED,
        "the authorizations of '" + user.subject() + "' could not be loaded: " + failure.getMessage())));
  }

  private static String describe(Authorization authorization) {
    if (authorization instanceof PermissionBasedAuthorization permission) {
      return "permission '" + permission.getPermission() + "'";
    }
    if (authorization instanceof RoleBasedAuthorization role) {
      return "role '" + role.getRole() + "'";
    }
    return "an authorization (" + authorization.getClass().getSimpleName() + ")";
  }
}
