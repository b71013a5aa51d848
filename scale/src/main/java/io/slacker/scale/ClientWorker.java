package io.slacker.scale;

import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.ServiceMembers;
import io.slacker.cluster.ServiceWatch;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of simulated clients, each with its own {@link ZookeeperDiscovery} (its own ZooKeeper
 * session) watching its services through {@code discovery.watch(service, listener)}. While
 * recording, each listener call is compared with the previous snapshot of that watch and every
 * server that appeared, disappeared or changed its data is noted with the instant the listener
 * saw it: the harness matches these with the changes it made.
 *
 * <p>Argument: the JSON settings (connect, clients: [ids], servicesPerServer, servicePool,
 * watchedPerClient, sessionTimeoutMillis, timeoutMillis).
 */
public final class ClientWorker {

  /** One watched service of one client, touched only on its client's context. */
  private static final class Watched {
    final int client;
    final String service;
    ServiceWatch watch;
    List<ServerInstance> previous;

    Watched(int client, String service) {
      this.client = client;
      this.service = service;
    }
  }

  private record Client(int id, ZookeeperDiscovery discovery, Context context, List<Watched> watched) {
  }

  private final Vertx vertx = Vertx.vertx();
  private final List<Client> clients = new ArrayList<>();
  private final Topology topology;
  private final long timeoutMillis;
  private final List<String> observations = new ArrayList<>();
  private volatile boolean recording;

  private ClientWorker(JsonObject settings) throws Exception {
    Contexts contexts = new Contexts(vertx, Math.min(4, settings.getJsonArray("clients").size()));
    topology = new Topology(settings.getInteger("servicesPerServer"), settings.getInteger("servicePool"),
        settings.getInteger("watchedPerClient"));
    timeoutMillis = settings.getLong("timeoutMillis");
    ZookeeperDiscoveryOptions options = new ZookeeperDiscoveryOptions().setConnectString(settings.getString("connect"))
        .setSessionTimeoutMillis(settings.getInteger("sessionTimeoutMillis"))
        .setConnectionTimeoutMillis(Math.min(5_000, settings.getInteger("sessionTimeoutMillis")));
    JsonArray ids = settings.getJsonArray("clients");
    for (int i = 0; i < ids.size(); i++) {
      int id = ids.getInteger(i);
      List<Watched> watched = new ArrayList<>();
      for (String service : topology.watchedBy(id)) {
        watched.add(new Watched(id, service));
      }
      clients.add(new Client(id, ZookeeperDiscovery.create(vertx, options), contexts.get(i), watched));
    }
  }

  public static void main(String[] args) throws Exception {
    ClientWorker worker = new ClientWorker(new JsonObject(args[0]));
    Wire.send(new JsonObject().put("op", "ready"));
    Wire.serve(worker::handle);
  }

  private JsonObject handle(JsonObject command) {
    return switch (command.getString("op")) {
      case "watch" -> watch();
      case "record" -> record(command.getBoolean("on"));
      case "drain" -> drain();
      case "counts" -> counts();
      case "status" -> status();
      default -> throw new IllegalArgumentException("unknown command " + command);
    };
  }

  /** Connects every client, weighs the heap, starts every watch, weighs it again. */
  private JsonObject watch() {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    for (Client client : clients) {
      Contexts.on(client.context(), () -> client.discovery().connect());
    }
    while (clients.stream().anyMatch(c -> !c.discovery().isConnected()) && System.currentTimeMillis() < deadline) {
      sleep(50);
    }
    long before = ServerWorker.heapAfterGc();
    long start = System.nanoTime();
    List<CompletableFuture<ServiceWatch>> started = new ArrayList<>();
    for (Client client : clients) {
      for (Watched watched : client.watched()) {
        started.add(Contexts.on(client.context(), () -> client.discovery().watch(watched.service, members -> seen(watched, members))
            .onSuccess(watch -> watched.watch = watch)));
      }
    }
    String error = null;
    for (CompletableFuture<ServiceWatch> one : started) {
      try {
        one.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        error = error != null ? error : String.valueOf(e.getCause() != null ? e.getCause() : e);
      }
    }
    long elapsed = (System.nanoTime() - start) / 1_000;
    long after = ServerWorker.heapAfterGc();
    return new JsonObject().put("op", "watching").put("heapBefore", before).put("heapAfter", after)
        .put("watches", started.size()).put("elapsedMicros", elapsed).put("error", error);
  }

  /** Starts or stops noting changes; starting takes each watch's current snapshot as the one to compare with. */
  private JsonObject record(boolean on) {
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (Client client : clients) {
      done.add(Contexts.on(client.context(), () -> {
        for (Watched watched : client.watched()) {
          watched.previous = on && watched.watch != null ? watched.watch.current().servers() : null;
        }
        return Future.succeededFuture();
      }));
    }
    done.forEach(f -> f.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).join());
    recording = on;
    return new JsonObject().put("op", "recording").put("on", on);
  }

  private void seen(Watched watched, ServiceMembers members) {
    if (!recording || watched.previous == null) {
      return;
    }
    long now = Wire.nowMicros();
    // Both lists are sorted by host:port, and a server that did not change is mostly the same
    // object: one walk through both, naming servers only where they differ, so that noting costs
    // the harness little next to what it measures.
    List<ServerInstance> before = watched.previous;
    List<ServerInstance> after = members.servers();
    List<String> noted = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < before.size() || j < after.size()) {
      ServerInstance was = i < before.size() ? before.get(i) : null;
      ServerInstance is = j < after.size() ? after.get(j) : null;
      if (was != null && is != null && (was == is || was.equals(is))) {
        i++;
        j++;
        continue;
      }
      int order = was == null ? 1 : is == null ? -1 : was.toString().compareTo(is.toString());
      if (order == 0) {
        Object change = is.data().getAttributes().getValue("change");
        if (!Objects.equals(change, was.data().getAttributes().getValue("change"))) {
          noted.add(note(watched, "data", is.toString(), change, now));
        }
        i++;
        j++;
      } else if (order < 0) {
        noted.add(note(watched, "remove", was.toString(), null, now));
        i++;
      } else {
        noted.add(note(watched, "add", is.toString(), is.data().getAttributes().getValue("change"), now));
        j++;
      }
    }
    watched.previous = after;
    synchronized (observations) {
      observations.addAll(noted);
    }
  }

  private static String note(Watched watched, String kind, String address, Object change, long micros) {
    return watched.client + "|" + watched.service + "|" + address + "|" + kind + "|" + (change == null ? "" : change) + "|" + micros;
  }

  private JsonObject drain() {
    JsonArray drained;
    synchronized (observations) {
      drained = new JsonArray(new ArrayList<>(observations));
      observations.clear();
    }
    return new JsonObject().put("op", "drained").put("observations", drained);
  }

  /** @return per service, the fewest servers any client of this JVM sees in it now */
  private JsonObject counts() {
    JsonObject fewest = new JsonObject();
    for (Client client : clients) {
      for (Watched watched : client.watched()) {
        int count = watched.watch == null ? -1 : watched.watch.current().servers().size();
        Integer known = fewest.getInteger(watched.service);
        fewest.put(watched.service, known == null ? count : Math.min(known, count));
      }
    }
    return new JsonObject().put("op", "counts").put("fewest", fewest);
  }

  private JsonObject status() {
    long connected = clients.stream().filter(c -> c.discovery().isConnected()).count();
    return new JsonObject().put("op", "status").put("sessions", clients.size()).put("connected", connected);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
