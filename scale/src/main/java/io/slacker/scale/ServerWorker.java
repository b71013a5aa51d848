package io.slacker.scale;

import io.slacker.cluster.ServerData;
import io.slacker.cluster.ServerRegistration;
import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of simulated servers. A simulated server is what a Slacker server does in discovery and
 * nothing more: {@code register(address, data)}, then {@code publish} of each of its services,
 * through the public {@link ZookeeperDiscovery} API, with one discovery (one ZooKeeper session)
 * per simulated server or one shared by all of this JVM's.
 *
 * <p>Argument: the JSON settings (connect, sessions, servicesPerServer, servicePool,
 * sessionTimeoutMillis, concurrency, timeoutMillis). Commands on standard input: see {@link Wire}.
 */
public final class ServerWorker {

  private record Simulated(int id, ZookeeperDiscovery discovery, ServerRegistration registration, Context context) {
  }

  private final Vertx vertx = Vertx.vertx();
  private final Contexts contexts;
  private final ZookeeperDiscoveryOptions options;
  private final boolean perServer;
  private final Topology topology;
  private final int concurrency;
  private final long timeoutMillis;
  private final ZookeeperDiscovery shared;
  private final Map<Integer, Simulated> servers = new ConcurrentHashMap<>();

  private ServerWorker(JsonObject settings) throws Exception {
    contexts = new Contexts(vertx, 4);
    options = new ZookeeperDiscoveryOptions().setConnectString(settings.getString("connect"))
        .setSessionTimeoutMillis(settings.getInteger("sessionTimeoutMillis"))
        .setConnectionTimeoutMillis(Math.min(5_000, settings.getInteger("sessionTimeoutMillis")));
    perServer = "per-server".equals(settings.getString("sessions"));
    topology = new Topology(settings.getInteger("servicesPerServer"), settings.getInteger("servicePool"), 0);
    concurrency = settings.getInteger("concurrency");
    timeoutMillis = settings.getLong("timeoutMillis");
    shared = perServer ? null : ZookeeperDiscovery.create(vertx, options);
  }

  public static void main(String[] args) throws Exception {
    ServerWorker worker = new ServerWorker(new JsonObject(args[0]));
    Wire.send(new JsonObject().put("op", "ready"));
    Wire.serve(worker::handle);
  }

  private JsonObject handle(JsonObject command) {
    return switch (command.getString("op")) {
      case "register" -> register(command.getJsonArray("ids"));
      case "change" -> change(command);
      case "status" -> status();
      case "heap" -> new JsonObject().put("op", "heap").put("bytes", heapAfterGc());
      default -> throw new IllegalArgumentException("unknown command " + command);
    };
  }

  /** Registers the given servers, at most {@code concurrency} at a time; answers once all are published. */
  private JsonObject register(JsonArray ids) {
    long start = System.nanoTime();
    Semaphore window = new Semaphore(concurrency);
    List<CompletableFuture<Long>> all = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      int id = ids.getInteger(i);
      try {
        if (!window.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long t0 = System.nanoTime();
      CompletableFuture<Long> one = join(id, new ServerData()).thenApply(v -> (System.nanoTime() - t0) / 1_000);
      one.whenComplete((v, e) -> window.release());
      all.add(one);
    }
    JsonArray micros = new JsonArray();
    int failed = ids.size() - all.size();
    String firstError = failed > 0 ? "window timed out" : null;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    for (CompletableFuture<Long> one : all) {
      try {
        micros.add(one.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      } catch (Exception e) {
        failed++;
        if (firstError == null) {
          firstError = String.valueOf(e.getCause() != null ? e.getCause() : e);
        }
      }
    }
    return new JsonObject().put("op", "registered").put("count", micros.size()).put("failed", failed)
        .put("error", firstError).put("elapsedMicros", (System.nanoTime() - start) / 1_000).put("micros", micros);
  }

  /** A server joins: registers its address, then publishes each of its services. */
  private CompletableFuture<Void> join(int id, ServerData data) {
    ZookeeperDiscovery discovery = perServer ? ZookeeperDiscovery.create(vertx, options) : shared;
    Context context = contexts.get(id);
    return Contexts.on(context, () -> discovery.register(Topology.address(id), data)
        .compose(registration -> {
          servers.put(id, new Simulated(id, discovery, registration, context));
          List<Future<Void>> published = new ArrayList<>();
          for (String service : topology.servicesOf(id)) {
            published.add(registration.publish(service, false));
          }
          return Future.all(published).mapEmpty();
        }));
  }

  /** One change of the churn: join, leave, offline, online or update, timed from just before the call. */
  private JsonObject change(JsonObject command) {
    String kind = command.getString("kind");
    int id = command.getInteger("server");
    String service = command.getString("service");
    long change = command.getLong("change");
    long t0 = Wire.nowMicros();
    CompletableFuture<Void> done;
    Simulated server = servers.get(id);
    if (!"join".equals(kind) && server == null) {
      done = CompletableFuture.failedFuture(new IllegalStateException("server " + id + " is not registered here"));
    } else {
      done = switch (kind) {
        case "join" -> join(id, new ServerData().putAttribute("change", change).putAttribute("t0", t0));
        case "leave" -> Contexts.on(server.context(), () -> server.registration().close()
            .compose(v -> perServer ? server.discovery().close() : Future.succeededFuture()))
            .thenRun(() -> servers.remove(id));
        case "offline" -> Contexts.on(server.context(), () -> server.registration().withdraw(service));
        case "online" -> Contexts.on(server.context(), () -> server.registration().publish(service, false));
        case "update" -> Contexts.on(server.context(), () -> server.registration().updateData(
            new ServerData(server.registration().data()).putAttribute("change", change).putAttribute("t0", t0)));
        default -> CompletableFuture.failedFuture(new IllegalArgumentException(kind));
      };
    }
    String error = null;
    try {
      done.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      error = String.valueOf(e.getCause() != null ? e.getCause() : e);
    }
    return new JsonObject().put("op", "done").put("change", change).put("t0", t0).put("t1", Wire.nowMicros())
        .put("error", error);
  }

  private JsonObject status() {
    int sessions = 0;
    int connected = 0;
    if (perServer) {
      for (Simulated server : servers.values()) {
        sessions++;
        connected += server.discovery().isConnected() ? 1 : 0;
      }
    } else {
      sessions = 1;
      connected = shared.isConnected() ? 1 : 0;
    }
    return new JsonObject().put("op", "status").put("servers", servers.size()).put("sessions", sessions)
        .put("connected", connected);
  }

  static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
