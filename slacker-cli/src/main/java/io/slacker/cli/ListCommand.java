package io.slacker.cli;

import io.slacker.cluster.ServerData;
import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.ServiceMembers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "ls", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Lists the services of the cluster from ZooKeeper: each one's servers with their server data"
        + " (weight, zone, version), the elected leader, and the servers registered but offline.",
        "Which services of a registered server are offline is asked of that server (describe)."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  slacker ls",
        "  slacker ls shop.Greeter",
        "  slacker ls -o json --zookeeper zk1:2181,zk2:2181 --cluster shop",
        "",
        "  SERVICE       SERVER         STATE    LEADER  WEIGHT  ZONE  VERSION",
        "  shop.Greeter  10.0.0.5:2104  online   yes     100     eu-1  2.3",
        "  shop.Greeter  10.0.0.6:2104  offline  -       100     eu-1  2.3"})
final class ListCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "service", description = "Only this service.")
  String service;

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ClusterSnapshot snapshot;
    try (Connections connections = Connections.open(common)) {
      snapshot = ClusterSnapshot.read(connections, service);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      out.println(JsonText.of(json(snapshot), true));
      out.flush();
    } else {
      table(snapshot).print(out);
    }
    return ExitCode.OK.code();
  }

  private static Table table(ClusterSnapshot snapshot) {
    Table table = new Table("SERVICE", "SERVER", "STATE", "LEADER", "WEIGHT", "ZONE", "VERSION");
    for (ServiceMembers members : snapshot.services()) {
      boolean listed = false;
      for (ServerInstance server : members.servers()) {
        row(table, members.service(), server.toString(), "online",
            server.address().equals(members.leader()) ? "yes" : null, server.data());
        listed = true;
      }
      for (Map.Entry<String, Set<String>> offline : snapshot.offline().entrySet()) {
        ServerInstance server = snapshot.registered(offline.getKey());
        if (server != null && offline.getValue().contains(members.service())) {
          row(table, members.service(), offline.getKey(), "offline", null, server.data());
          listed = true;
        }
      }
      if (!listed) {
        table.row(members.service(), null, "no servers", null, null, null, null);
      }
    }
    for (String unexplained : snapshot.unexplained()) {
      ServerInstance server = snapshot.registered(unexplained);
      row(table, null, unexplained, "offline", null, server == null ? new ServerData() : server.data());
    }
    return table;
  }

  private static void row(Table table, String service, String server, String state, String leader, ServerData data) {
    table.row(service, server, state, leader, data.getWeight(), data.getZone(), data.getVersion());
  }

  /** {@code {"cluster": ..., "services": [{"name", "leader", "servers": [...], "offline": [...]}], "servers": [...]}} */
  private JsonObject json(ClusterSnapshot snapshot) {
    JsonArray services = new JsonArray();
    for (ServiceMembers members : snapshot.services()) {
      JsonArray online = new JsonArray();
      members.servers().forEach(server -> online.add(new JsonObject().put("address", server.toString())
          .put("leader", server.address().equals(members.leader())).put("data", server.data().toJson())));
      JsonArray offline = new JsonArray();
      snapshot.offline().forEach((server, down) -> {
        if (down.contains(members.service())) {
          offline.add(server);
        }
      });
      services.add(new JsonObject().put("name", members.service())
          .put("leader", members.leader() == null ? null : ServerAddressConverter.format(members.leader()))
          .put("servers", online).put("offline", offline));
    }
    JsonArray servers = new JsonArray();
    for (ServerInstance server : snapshot.registered()) {
      String address = server.toString();
      boolean inRotation = snapshot.services().stream().anyMatch(members -> ClusterSnapshot.addresses(members).contains(address));
      if (service != null && !inRotation && !snapshot.offline().containsKey(address)) {
        continue;
      }
      servers.add(new JsonObject().put("address", address).put("data", server.data().toJson())
          .put("offline", new JsonArray(snapshot.offline().getOrDefault(address, Set.of()).stream().sorted().toList()))
          .put("inRotation", inRotation));
    }
    return new JsonObject().put("cluster", common.cluster).put("services", services).put("servers", servers);
  }
}
