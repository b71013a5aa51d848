package io.slacker.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs {@code slacker} in the test's JVM with its stdout and stderr captured. */
final class Cli {

  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** A command running on its own thread, such as a watch, whose output can be read as it comes. */
  static final class Running {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exitCode;

    private Running(String... args) {
      exitCode = CompletableFuture.supplyAsync(() -> SlackerCli.commandLine()
          .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args));
    }

    /** Waits at most 10 s for the output so far to satisfy {@code until}. */
    String awaitOut(String what, Predicate<String> until) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!until.test(out.toString())) {
        if (System.nanoTime() > deadline || exitCode.isDone()) {
          throw new AssertionError("no " + what + " within 10 s:\n" + out + "--- stderr\n" + err);
        }
        Thread.sleep(10);
      }
      return out.toString();
    }

    Result result() throws Exception {
      int code = exitCode.get(30, TimeUnit.SECONDS);
      return new Result(code, out.toString(), err.toString());
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

  static Running start(String... args) {
    return new Running(args);
  }
}
