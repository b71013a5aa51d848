package io.slacker.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code slacker}: the command-line tool for the servers of a Slacker cluster. */
@Command(name = "slacker", mixinStandardHelpOptions = true, versionProvider = SlackerCli.Version.class,
    description = "Lists, watches, describes, calls and administers the servers of a Slacker cluster.",
    subcommands = {ListCommand.class, DescribeCommand.class, CallCommand.class, OfflineCommand.class,
        OnlineCommand.class, DataCommand.class, WatchCommand.class, GatewayCommand.class},
    footerHeading = "%nEvery command takes --zookeeper, --cluster, --root, -o table|json, --timeout, --token and --tls;"
        + " 'slacker <command> --help' shows them with examples.%n%nExit codes:%n")
public final class SlackerCli implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a command");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The whole command tree, ready to {@link CommandLine#execute(String...)}; tests run it in-process. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new SlackerCli());
    CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
    completion.getCommandSpec().usageMessage().hidden(false)
        .description("Prints a bash/zsh completion script: source <(slacker completion)");
    cli.addSubcommand("completion", completion);
    cli.getCommandSpec().usageMessage().footer(ExitCode.helpTable());
    // Set last: it reaches only the subcommands already added.
    cli.setExecutionExceptionHandler(new FailureReport());
    return cli;
  }

  /** The version in the jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = SlackerCli.class.getPackage().getImplementationVersion();
      return new String[] {"slacker " + (version != null ? version : "(development build)")};
    }
  }
}
