package io.slacker.cli;

import io.slacker.admin.ClientDescription;
import io.slacker.admin.MethodDescription;
import io.slacker.admin.ServerDescription;
import io.slacker.admin.ServiceDescription;
import io.slacker.admin.SlackerAdmin;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A server's description as {@code slacker describe} prints it for people. */
final class ServerDescriptionText {

  /** A package prefix: lower-case segments, each followed by a dot, before a class name. */
  private static final Pattern PACKAGE = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])");

  private final SocketAddress server;
  private final ServerDescription description;
  /** Slacker's own admin service is shown only when asked for by name. */
  private final boolean showBuiltIn;

  ServerDescriptionText(SocketAddress server, ServerDescription description, boolean showBuiltIn) {
    this.server = server;
    this.description = description;
    this.showBuiltIn = showBuiltIn;
  }

  void print(PrintWriter out) {
    Table summary = new Table("SERVER", ServerAddressConverter.format(server))
        .row("version", description.getVersion())
        .row("uptime", HumanDuration.of(description.getUptimeMillis())
            + (description.getStartTime() == 0 ? "" : " (since " + Instant.ofEpochMilli(description.getStartTime()) + ")"))
        .row("state", description.getOnline() == null ? "not in discovery" : description.getOnline() ? "online" : "offline")
        .row("data", description.getData() == null ? null : ServerDataText.of(description.getData()));
    summary.print(out);
    for (ServiceDescription service : description.getServices()) {
      if (showBuiltIn || !service.getName().equals(SlackerAdmin.SERVICE)) {
        out.println();
        printService(out, service);
      }
    }
    out.println();
    Table clients = new Table("CLIENT", "NAME", "VERSION", "CONNECTED SINCE", "IN FLIGHT", "SERVED");
    for (ClientDescription client : description.getClients()) {
      clients.row(client.getRemoteAddress(), client.getName(), client.getVersion(),
          Instant.ofEpochMilli(client.getConnectedSince()), client.getInFlight(), client.getServed());
    }
    clients.print(out);
  }

  private static void printService(PrintWriter out, ServiceDescription service) {
    List<String> state = new ArrayList<>();
    if (service.getOnline() != null) {
      state.add(service.getOnline() ? "online" : "offline");
    }
    if (service.isLeader()) {
      state.add("leader");
    }
    out.println("service " + service.getName() + (state.isEmpty() ? "" : " (" + String.join(", ", state) + ")"));
    Table methods = new Table("METHOD", "PARAMETERS", "RESULT", "OPTIONS", "DOC");
    for (MethodDescription method : service.getMethods()) {
      methods.row(method.getSignature(), parameters(method), method.isOneWay() ? "(one-way)" : typeName(method.getResult()),
          options(method), method.getDoc());
    }
    methods.print(out);
  }

  private static String parameters(MethodDescription method) {
    if (method.getParameters().isEmpty()) {
      return "(none)";
    }
    return method.getParameters().stream()
        .map(parameter -> parameter.getName() + ": " + typeName(parameter.getType()))
        .collect(Collectors.joining(", "));
  }

  private static String options(MethodDescription method) {
    List<String> options = new ArrayList<>();
    if (method.isIdempotent()) {
      options.add("idempotent");
    }
    if (method.isBlocking()) {
      options.add("blocking");
    }
    if (method.isLeaderRouted()) {
      options.add("leader");
    }
    if (method.getTimeoutMillis() > 0) {
      options.add("timeout " + HumanDuration.of(method.getTimeoutMillis()));
    }
    method.getPermissions().forEach(permission -> options.add("permission " + permission));
    method.getRoles().forEach(role -> options.add("role " + role));
    return options.isEmpty() ? null : String.join(", ", options);
  }

  /**
   * The Java type as a reader wants it in a table: {@code List<Greeter.Greeting>}, classes without
   * their packages; a record or POJO (a {@code $ref} to the definitions) by its class name.
   */
  private static String typeName(JsonObject type) {
    if (type == null) {
      return null;
    }
    String javaType = type.getString("javaType");
    if (javaType != null) {
      return simpleNames(javaType);
    }
    String ref = type.getString("$ref");
    if (ref != null) {
      return simpleNames(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return type.getString("type", type.encode());
  }

  /** {@code java.util.List<com.example.Greeter$Greeting>} to {@code List<Greeter.Greeting>}. */
  private static String simpleNames(String javaType) {
    return PACKAGE.matcher(javaType).replaceAll("").replace('$', '.');
  }
}
