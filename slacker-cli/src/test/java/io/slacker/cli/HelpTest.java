package io.slacker.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help with examples on every command, the exit-code table, completion, and usage errors. */
class HelpTest {

  private static final List<String> COMMANDS = List.of("ls", "describe", "call", "offline", "online", "data", "watch");

  @Test
  void theToolsHelpNamesEveryCommandAndTheExitCodes() {
    Cli.Result result = Cli.run("--help");
    assertEquals(0, result.exitCode(), result.toString());
    COMMANDS.forEach(command -> assertTrue(result.out().contains("\n  " + command + " "), command + " in\n" + result.out()));
    assertTrue(result.out().contains("\n  completion "), result.out());
    for (ExitCode code : ExitCode.values()) {
      assertTrue(result.out().contains(String.format("  %2d  %s%n", code.code(), code.meaning())), code + " in\n" + result.out());
    }
  }

  @Test
  void everyCommandsHelpHasExamplesAndTheCommonOptions() {
    for (String command : COMMANDS) {
      Cli.Result result = Cli.run(command, "--help");
      assertEquals(0, result.exitCode(), command + ": " + result);
      assertTrue(result.out().contains("\nExamples:\n  slacker " + command), command + ":\n" + result.out());
      for (String option : List.of("--zookeeper=", "--cluster=", "--root=", "-o, --output=table|json", "--timeout=")) {
        assertTrue(result.out().contains(option), command + " has " + option + ":\n" + result.out());
      }
    }
  }

  @Test
  void completionPrintsABashScript() {
    Cli.Result result = Cli.run("completion");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().startsWith("#!/usr/bin/env bash"), result.out());
    assertTrue(result.out().contains("complete -F _complete_slacker"), result.out());
    assertTrue(result.out().contains("describe") && result.out().contains("--zookeeper"), result.out());
  }

  @Test
  void usageErrorsExitWith2() {
    Cli.Result none = Cli.run();
    assertEquals(2, none.exitCode(), none.toString());
    assertTrue(none.err().startsWith("name a command\nUsage: slacker "), none.err());

    Cli.Result unknown = Cli.run("lsit");
    assertEquals(2, unknown.exitCode(), unknown.toString());
    assertTrue(unknown.err().startsWith("Unmatched argument at index 0: 'lsit'"), unknown.err());

    Cli.Result output = Cli.run("ls", "-o", "yaml");
    assertEquals(2, output.exitCode(), output.toString());
    assertTrue(output.err().contains("Invalid value for option '--output': expected one of [table, json]"), output.err());

    Cli.Result cluster = Cli.run("ls", "--cluster", "a/b", "--zookeeper", "127.0.0.1:1");
    assertEquals(2, cluster.exitCode(), cluster.toString());
    assertTrue(cluster.err().startsWith("slacker: cluster "), cluster.err());
  }
}
