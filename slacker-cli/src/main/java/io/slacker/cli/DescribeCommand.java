package io.slacker.cli;

import io.slacker.admin.ServerDescription;
import io.slacker.admin.ServiceDescription;
import io.slacker.admin.SlackerAdmin;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "describe", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Asks a server what it runs: its services and their methods (signature, parameters, result,"
        + " options, doc), its connected clients, its server data, uptime and version.",
        "Given a service name instead of host:port, asks one of that service's servers found in ZooKeeper."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  slacker describe 10.0.0.5:2104",
        "  slacker describe 10.0.0.5:2104 shop.Greeter    # one service only",
        "  slacker describe shop.Greeter                  # a server of shop.Greeter, from ZooKeeper",
        "  slacker describe shop.Greeter -o json"})
final class DescribeCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "host:port|service", description = "A server, or a service to find one of.")
  String target;

  @Parameters(index = "1", arity = "0..1", paramLabel = "service", description = "Describe only this service.")
  String service;

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    SocketAddress server = ServerAddressConverter.parse(target);
    String only = service;
    ServerDescription description;
    try (Connections connections = Connections.open(common)) {
      if (server == null) {
        // A service name: ask the first of its servers in rotation, about that service unless told otherwise.
        server = new ServiceLookup(connections).requireServers(target).get(0).address();
        only = only != null ? only : target;
      }
      description = connections.awaitCall(SlackerAdmin.create(connections.client()).describe(server));
    }
    if (only != null) {
      ServiceDescription described = description.service(only);
      if (described == null) {
        throw new CommandFailure(ExitCode.NOT_FOUND, "NOT_FOUND: " + ServerAddressConverter.format(server)
            + " does not run service '" + only + "'");
      }
      description.setServices(List.of(described));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      JsonObject json = description.toJson().put("server", ServerAddressConverter.format(server));
      out.println(JsonText.of(json, true));
      out.flush();
    } else {
      new ServerDescriptionText(server, description, only != null).print(out);
    }
    return ExitCode.OK.code();
  }
}
