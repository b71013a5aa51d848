package io.slacker.cli;

import picocli.CommandLine.Command;

@Command(name = "online", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Puts a server, or one of its services, back in rotation.",
        "A service taken offline on its own stays offline when the whole server comes back online."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  slacker online 10.0.0.5:2104",
        "  slacker online 10.0.0.5:2104 shop.Greeter"})
final class OnlineCommand extends RotationCommand {

  @Override
  boolean online() {
    return true;
  }
}
