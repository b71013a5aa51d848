package io.slacker.cli;

import io.slacker.cluster.ServiceMembers;
import io.slacker.cluster.ZookeeperDiscovery;
import io.vertx.core.Future;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

@Command(name = "watch", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Prints membership and leader changes as ZooKeeper reports them, one line each with a UTC"
        + " timestamp, until interrupted (Ctrl-C) or for the time --for gives.",
        "Without a service, watches every service, and services that appear later (checked every second).",
        "Events: members (the first view), joined, left, data (server data changed), leader."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  slacker watch",
        "  slacker watch shop.Greeter",
        "  slacker watch shop.Greeter --for 30s -o json",
        "",
        "  2026-11-30T14:06:27.123Z  shop.Greeter  members 10.0.0.5:2104, 10.0.0.6:2104; leader 10.0.0.5:2104",
        "  2026-11-30T14:06:31.480Z  shop.Greeter  left 10.0.0.5:2104",
        "  2026-11-30T14:06:31.481Z  shop.Greeter  leader 10.0.0.6:2104 (was 10.0.0.5:2104)"})
final class WatchCommand implements Callable<Integer> {

  private static final long NEW_SERVICES_CHECK_MILLIS = 1_000;

  @Parameters(index = "0", arity = "0..1", paramLabel = "service", description = "Only this service.")
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
  /** The services watched, or being started. */
  private final Set<String> watched = ConcurrentHashMap.newKeySet();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    try (Connections connections = Connections.open(common)) {
      ZookeeperDiscovery discovery = connections.discovery();
      List<String> services = service != null ? List.of(service) : connections.awaitZookeeper(discovery.services());
      List<Future<Void>> started = new ArrayList<>();
      services.forEach(name -> started.add(watch(discovery, name, out)));
      connections.awaitZookeeper(Future.all(started));
      if (service == null) {
        // ZooKeeper's listing is read again now and then: a watch covers one service only.
        connections.vertx().setPeriodic(NEW_SERVICES_CHECK_MILLIS, id -> discovery.services()
            .onSuccess(names -> names.forEach(name -> watch(discovery, name, out))));
      }
      CountDownLatch never = new CountDownLatch(1);
      if (duration == null) {
        never.await();
      } else {
        never.await(duration.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
    return ExitCode.OK.code();
  }

  /** Starts watching {@code name} unless it is already watched; prints its first view, then its changes. */
  private Future<Void> watch(ZookeeperDiscovery discovery, String name, PrintWriter out) {
    if (!watched.add(name)) {
      return Future.succeededFuture();
    }
    return discovery.watch(name, members -> {
      ServiceMembers before = seen.put(name, members);
      print(out, before == null ? List.of(MembershipChanges.initial(members)) : MembershipChanges.between(before, members));
    }).map(watch -> {
      if (seen.putIfAbsent(name, watch.current()) == null) {
        print(out, List.of(MembershipChanges.initial(watch.current())));
      }
      return null;
    });
  }

  private void print(PrintWriter out, List<JsonObject> events) {
    Instant now = Instant.now();
    synchronized (out) {
      events.forEach(event -> out.println(WatchLine.of(now, event, common.json())));
      out.flush();
    }
  }
}
