package io.slacker.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code slacker} in the test's JVM with its stdout and stderr captured. */
final class Cli {

  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Cli() {
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = SlackerCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }
}
