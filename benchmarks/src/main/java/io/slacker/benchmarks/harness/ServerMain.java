package io.slacker.benchmarks.harness;

import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The server process: starts one system's server, reports its port, then answers the runner's
 * {@code stats} requests until it reads {@code stop} or its stdin closes.
 */
public final class ServerMain {

  private ServerMain() {
  }

  public static void main(String[] args) throws Exception {
    SystemUnderTest system = SystemUnderTest.valueOf(args[0]);
    Settings settings = Settings.parse(Arrays.asList(args).subList(1, args.length));
    ProcessLifetime.limit(settings);
    WorkloadServer server = system.newServer();
    int port = server.start(settings);
    EventLine.emit(new JsonObject().put("event", "ready").put("port", port));
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String command;
    while ((command = commands.readLine()) != null && !command.equals("stop")) {
      if (command.equals("stats")) {
        ProcessCounters.Snapshot now = ProcessCounters.snapshot();
        EventLine.emit(now.toJson().put("event", "stats"));
      }
    }
    server.close();
    System.exit(0);
  }
}
