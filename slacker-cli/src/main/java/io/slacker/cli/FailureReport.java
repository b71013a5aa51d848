package io.slacker.cli;

import io.slacker.SlackerException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/** Turns what a command failed with into one message on stderr and its {@link ExitCode}. */
final class FailureReport implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    ExitCode exitCode = report(failure, err);
    err.flush();
    return exitCode.code();
  }

  /** Prints {@code failure} as {@code slacker: ...} lines and returns its exit code. */
  static ExitCode report(Throwable failure, PrintWriter err) {
    if (failure instanceof CommandFailure commandFailure) {
      err.println("slacker: " + commandFailure.getMessage());
      return commandFailure.exitCode();
    }
    if (failure instanceof SlackerException slackerFailure) {
      err.println("slacker: " + describe(slackerFailure));
      if (slackerFailure.details() != null) {
        err.println("slacker: details: " + slackerFailure.details().encode());
      }
      return ExitCode.of(slackerFailure.code());
    }
    if (failure instanceof IllegalArgumentException) {
      err.println("slacker: " + failure.getMessage());
      return ExitCode.USAGE;
    }
    err.println("slacker: unexpected failure: " + failure);
    return ExitCode.FAILURE;
  }

  /** @return {@code CODE: message}, with the remote exception's class and a relayed code when there are */
  static String describe(SlackerException failure) {
    StringBuilder text = new StringBuilder(failure.code().name()).append(": ").append(failure.getMessage());
    if (failure.relayedCode() != null) {
      text.append(" (relayed ").append(failure.relayedCode().name()).append(')');
    }
    if (failure.remoteClass() != null) {
      text.append(" (remote ").append(failure.remoteClass()).append(')');
    }
    return text.toString();
  }
}
