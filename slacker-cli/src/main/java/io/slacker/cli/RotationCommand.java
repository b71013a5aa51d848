package io.slacker.cli;

import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.admin.SlackerAdmin;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Takes a server, or one of its services, out of rotation or back: {@code offline} and {@code online}. */
abstract class RotationCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "host:port", converter = ServerAddressConverter.class,
      description = "The server, as ZooKeeper lists it.")
  SocketAddress server;

  @Parameters(index = "1", arity = "0..1", paramLabel = "service",
      description = "Only this service of the server; without it, every service.")
  String service;

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  /** @return whether the command puts the server back in rotation */
  abstract boolean online();

  @Override
  public Integer call() {
    try (Connections connections = Connections.open(common)) {
      SlackerAdmin admin = SlackerAdmin.create(connections.client());
      Future<Void> change;
      if (online()) {
        change = service == null ? admin.online(server) : admin.online(server, service);
      } else {
        change = service == null ? admin.offline(server) : admin.offline(server, service);
      }
      connections.awaitCall(change);
    } catch (SlackerException failure) {
      // The server names a service it does not run with an application code; for the CLI that is an unknown service.
      if (failure.code() == StatusCode.ENTITY_NOT_FOUND) {
        throw new CommandFailure(ExitCode.NOT_FOUND, "NOT_FOUND: " + failure.getMessage());
      }
      throw failure;
    }
    PrintWriter out = spec.commandLine().getOut();
    String address = ServerAddressConverter.format(server);
    if (common.json()) {
      JsonObject json = new JsonObject().put("server", address);
      if (service != null) {
        json.put("service", service);
      }
      out.println(json.put("online", online()).encode());
    } else {
      out.println(address + (service == null ? "" : " " + service) + ": " + (online() ? "online" : "offline"));
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
