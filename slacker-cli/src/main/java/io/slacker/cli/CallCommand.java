package io.slacker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.slacker.CallOptions;
import io.slacker.SlackerException;
import io.slacker.cluster.GroupPolicy;
import io.slacker.cluster.GroupResult;
import io.slacker.cluster.Grouping;
import io.slacker.cluster.ServerResult;
import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "call", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Calls a method of a service by name with JSON arguments, and prints its JSON result.",
        "Without --server the call goes where discovery sends it, as an application's would."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  slacker call shop.Greeter greet '[\"Ada\"]'",
        "  slacker call shop.Greeter greet '[\"Ada\"]' --server 10.0.0.5:2104 -o json",
        "  slacker call shop.Stock reserve '[\"sku-1\", 2]' --leader --timeout 2s",
        "  slacker call shop.Cache clear --all --meta caller=ops",
        "",
        "Exit codes: see slacker --help."})
final class CallCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "service", description = "Service name, e.g. shop.Greeter.")
  String service;

  @Parameters(index = "1", paramLabel = "method", description = "Method name.")
  String method;

  @Parameters(index = "2", arity = "0..1", paramLabel = "args", defaultValue = "[]",
      description = "The arguments as one JSON array, one element per parameter (default: ${DEFAULT-VALUE}).")
  String arguments;

  @ArgGroup(exclusive = true)
  Target target = new Target();

  @Option(names = "--meta", paramLabel = "key=value", description = "Call metadata; repeat for more entries.")
  Map<String, String> metadata = new LinkedHashMap<>();

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  /** Where the call goes: discovery's choice unless one of these says otherwise. */
  static final class Target {
    @Option(names = "--server", paramLabel = "host:port", converter = ServerAddressConverter.class,
        description = "Call this server, bypassing discovery.")
    SocketAddress server;

    @Option(names = "--all", description = "Call every server of the service; prints each server's result.")
    boolean all;

    @Option(names = "--leader", description = "Call the service's elected leader.")
    boolean leader;
  }

  @Override
  public Integer call() {
    List<Object> args = CallArguments.parse(arguments);
    PrintWriter out = spec.commandLine().getOut();
    try (Connections connections = Connections.open(common)) {
      CallOptions options = new CallOptions().setTimeoutMillis(common.timeout.toMillis());
      metadata.forEach(options::putMetadata);
      if (target.server != null) {
        return printResult(out, connections.awaitCall(
            connections.client().call(target.server, service, method, args, JsonNode.class, options)));
      }
      new ServiceLookup(connections).requireServers(service);
      if (target.all) {
        return printGroup(out, connections.awaitCall(callAll(connections, args, options)));
      }
      if (target.leader) {
        options.setGrouping(Grouping.leader());
      }
      return printResult(out, connections.awaitCall(
          connections.routingClient().call(null, service, method, args, JsonNode.class, options)));
    }
  }

  /** Every server's outcome, whatever each was: the merge hands back the whole group result. */
  private Future<GroupResult<JsonNode>> callAll(Connections connections, List<Object> args, CallOptions options) {
    options.setGrouping(Grouping.all(GroupPolicy.NEVER_FAIL).<Object>withMerge(result -> result));
    // Each server's answer decodes into a JsonNode; the call as a whole completes with the merge's GroupResult.
    Future<Object> merged = connections.routingClient().call(null, service, method, args,
        TypeFactory.defaultInstance().constructType(JsonNode.class), options);
    return merged.map(CallCommand::asGroupResult);
  }

  @SuppressWarnings("unchecked")
  private static GroupResult<JsonNode> asGroupResult(Object merged) {
    return (GroupResult<JsonNode>) merged;
  }

  private int printResult(PrintWriter out, JsonNode result) {
    out.println(JsonText.of(result == null ? JsonNodeFactory.instance.nullNode() : result, common.json()));
    out.flush();
    return ExitCode.OK.code();
  }

  /**
   * Prints {@code {"host:port": {"result": ...}, "host:port": {"error": {...}}}} and each failure on
   * stderr; the exit code is the first failure's.
   */
  private int printGroup(PrintWriter out, GroupResult<JsonNode> group) {
    ObjectNode printed = JsonNodeFactory.instance.objectNode();
    ExitCode exitCode = ExitCode.OK;
    PrintWriter err = spec.commandLine().getErr();
    for (ServerResult<JsonNode> result : group.results()) {
      String server = ServerAddressConverter.format(result.server());
      if (result.succeeded()) {
        printed.putObject(server).set("result", result.value() == null ? JsonNodeFactory.instance.nullNode() : result.value());
        continue;
      }
      SlackerException failure = SlackerException.from(result.failure());
      printed.putObject(server).putObject("error").put("code", failure.code().name()).put("message", failure.getMessage());
      err.println("slacker: " + server + ": " + FailureReport.describe(failure));
      if (exitCode == ExitCode.OK) {
        exitCode = ExitCode.of(failure.code());
      }
    }
    err.flush();
    out.println(JsonText.of(printed, common.json()));
    out.flush();
    return exitCode.code();
  }
}
