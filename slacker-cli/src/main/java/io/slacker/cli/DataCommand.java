package io.slacker.cli;

import io.slacker.admin.SlackerAdmin;
import io.slacker.cluster.ServerData;
import io.vertx.core.net.SocketAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "data", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Prints the server data a server publishes in ZooKeeper, or changes it and prints the result.",
        "Keys: weight (0..10000, for the weighted balancer), zone, version, attributes.<name>;"
            + " an empty value unsets a zone, a version or an attribute."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  slacker data 10.0.0.5:2104",
        "  slacker data 10.0.0.5:2104 weight=50 zone=eu-1",
        "  slacker data 10.0.0.5:2104 attributes.build=42 version=",
        "  slacker data 10.0.0.5:2104 -o json"})
final class DataCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "host:port", converter = ServerAddressConverter.class,
      description = "The server, as ZooKeeper lists it.")
  SocketAddress server;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "key=value", description = "Changes to make.")
  List<String> changes = new ArrayList<>();

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ServerDataChange change = ServerDataChange.parse(changes);
    ServerData data;
    try (Connections connections = Connections.open(common)) {
      SlackerAdmin admin = SlackerAdmin.create(connections.client());
      data = connections.awaitCall(admin.data(server));
      if (!change.isEmpty()) {
        data = connections.awaitCall(admin.updateData(server, change.applyTo(data)));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      out.println(JsonText.of(data.toJson(), true));
      out.flush();
    } else {
      table(data).print(out);
    }
    return ExitCode.OK.code();
  }

  static Table table(ServerData data) {
    Table table = new Table("KEY", "VALUE")
        .row("weight", data.getWeight())
        .row("zone", data.getZone())
        .row("version", data.getVersion())
        .row("startTime", data.getStartTime() == 0 ? null : Instant.ofEpochMilli(data.getStartTime()))
        .row("incarnation", data.getIncarnation())
        .row("tls", data.isTls());
    data.getAttributes().forEach(attribute -> table.row("attributes." + attribute.getKey(), attribute.getValue()));
    return table;
  }
}
