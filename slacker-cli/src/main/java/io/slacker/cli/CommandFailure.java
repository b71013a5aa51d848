package io.slacker.cli;

/** A command that cannot do what it was asked: its message goes to stderr, its code becomes the exit code. */
final class CommandFailure extends RuntimeException {

  private final ExitCode exitCode;

  CommandFailure(ExitCode exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  ExitCode exitCode() {
    return exitCode;
  }
}
