package io.slacker.cli;

import picocli.CommandLine.Command;

@Command(name = "offline", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Takes a server, or one of its services, out of rotation: it leaves ZooKeeper's service nodes"
        + " (and elections) and clients stop choosing it; the process keeps running and stays listed under servers/."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  slacker offline 10.0.0.5:2104                 # every service of the server",
        "  slacker offline 10.0.0.5:2104 shop.Greeter    # one service",
        "  slacker online 10.0.0.5:2104                  # back in rotation"})
final class OfflineCommand extends RotationCommand {

  @Override
  boolean online() {
    return false;
  }
}
