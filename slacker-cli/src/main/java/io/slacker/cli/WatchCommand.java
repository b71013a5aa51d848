package io.slacker.cli;

import io.slacker.cluster.ServiceMembers;
import io.slacker.cluster.ZookeeperDiscovery;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

@Command(name = "watch", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Prints a service's membership and leader changes as ZooKeeper reports them, one line each with"
        + " a UTC timestamp, until interrupted (Ctrl-C) or for the time --for gives.",
        "Events: members (the first view), joined, left, data (server data changed), leader."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  slacker watch shop.Greeter",
        "  slacker watch shop.Greeter --for 30s -o json",
        "",
        "  2026-11-30T14:06:27.123Z  shop.Greeter  members 10.0.0.5:2104, 10.0.0.6:2104; leader 10.0.0.5:2104",
        "  2026-11-30T14:06:31.480Z  shop.Greeter  left 10.0.0.5:2104",
        "  2026-11-30T14:06:31.481Z  shop.Greeter  leader 10.0.0.6:2104 (was 10.0.0.5:2104)"})
final class WatchCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "service", description = "The service to watch.")
  String service;

  @Option(names = "--for", paramLabel = "duration", converter = DurationConverter.class,
      description = "Stop after this long, e.g. 10s (default: until interrupted).")
  Duration duration;

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  /** The last view printed of each service, to print only what changed. */
  private final Map<String, ServiceMembers> seen = new ConcurrentHashMap<>();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    try (Connections connections = Connections.open(common)) {
      watch(connections.discovery(), connections, service, out);
      CountDownLatch never = new CountDownLatch(1);
      if (duration == null) {
        never.await();
      } else {
        never.await(duration.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
    return ExitCode.OK.code();
  }

  private void watch(ZookeeperDiscovery discovery, Connections connections, String name, PrintWriter out) {
    ServiceMembers first = connections.awaitZookeeper(discovery.watch(name, members -> {
      ServiceMembers before = seen.put(name, members);
      print(out, before == null ? List.of(MembershipChanges.initial(members)) : MembershipChanges.between(before, members));
    }).map(watch -> watch.current()));
    if (seen.putIfAbsent(name, first) == null) {
      print(out, List.of(MembershipChanges.initial(first)));
    }
  }

  private void print(PrintWriter out, List<JsonObject> events) {
    Instant now = Instant.now();
    synchronized (out) {
      events.forEach(event -> out.println(WatchLine.of(now, event, common.json())));
      out.flush();
    }
  }
}
