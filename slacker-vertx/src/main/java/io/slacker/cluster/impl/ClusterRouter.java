package io.slacker.cluster.impl;

import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.cluster.ClusterClientOptions;
import io.slacker.cluster.GroupCallException;
import io.slacker.cluster.GroupResult;
import io.slacker.cluster.Grouping;
import io.slacker.cluster.ServerData;
import io.slacker.cluster.ServerInstance;
import io.slacker.cluster.ServerResult;
import io.slacker.spi.LoadBalancer;
import io.slacker.spi.ServiceDiscovery;
import io.slacker.spi.metrics.RpcClientMetrics;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Routes the calls of a client that has a discovery: finds the service's servers (looked up on
 * first use, then watched), picks the target by grouping and balancer, fails over within the
 * retry budget, and takes servers whose connection failed out of rotation. Results complete on
 * the caller's context. Routes, their watches and every timer belong to the router's own context,
 * not to whichever verticle happened to call first.
 */
public final class ClusterRouter {

  /** How often a LEADER call whose leader is unreachable looks for the next one. */
  private static final long LEADER_RECHECK_MILLIS = 25;
  /**
   * How long after its deadline a call that nothing else has failed is failed by the router itself.
   * Discovery and the transport each fail a call at the deadline with a precise reason; this only
   * catches what would otherwise hang.
   */
  private static final long BACKSTOP_GRACE_MILLIS = 100;

  private final Vertx vertx;
  private final ContextInternal context;
  private final ServiceDiscovery discovery;
  private final ClusterClientOptions options;
  private final AttemptFailures failures;
  private final Map<String, ServiceRoute> routes = new ConcurrentHashMap<>();
  private final Ejections ejections;
  private final RetryBudget budget;
  private final RpcClientMetrics metrics;

  /**
   * @param context   the router's own context: watches and timers run there
   * @param discovery where services are looked up; {@code null} leaves only explicit server lists
   * @param connector opens the connections that probe servers taken out of rotation
   * @param failures  tells which failed attempts never ran and which show an unreachable server
   * @param metrics   where retries, refused retries and ejections are counted; {@code null} for nowhere
   */
  public ClusterRouter(Vertx vertx, ContextInternal context, ServiceDiscovery discovery, ClusterClientOptions options,
                       ServerConnector connector, long connectTimeoutMillis, AttemptFailures failures,
                       RpcClientMetrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.context = context;
    this.discovery = discovery;
    this.options = new ClusterClientOptions(options);
    this.failures = failures;
    this.ejections = new Ejections(context, connector, options.getProbeInitialMillis(), options.getProbeMaxMillis(),
        connectTimeoutMillis, options.getTimeoutsToEject(), this::listing);
    this.budget = new RetryBudget(options.getRetryBudgetRatio(), options.getRetryBudgetMinPerSecond(),
        options.getRetryBudgetWindowMillis());
  }

  /** @return the grouping of a call that sets none */
  public Grouping defaultGrouping() {
    return options.getGrouping();
  }

  /**
   * Calls one server of {@code service} chosen by {@code grouping} ({@link Grouping.Kind#ONE} or
   * {@link Grouping.Kind#LEADER}). A failure whose request never left is retried on another
   * server; so is, for an {@code idempotent} method, a lost connection or an attempt timeout.
   */
  public <T> Future<T> call(String service, Grouping grouping, boolean idempotent, String hashKey,
                            long timeoutMillis, CallAttempt<T> attempt) {
    Promise<T> promise = ((ContextInternal) vertx.getOrCreateContext()).promise();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    // Whatever happens below, the caller hears by its deadline.
    long backstop = context.setTimer(timeoutMillis + BACKSTOP_GRACE_MILLIS, t -> promise.tryFail(new SlackerException(
        StatusCode.DEADLINE_EXCEEDED, "call to '" + service + "' did not complete within its deadline of " + timeoutMillis + " ms")));
    promise.future().onComplete(ar -> vertx.cancelTimer(backstop));
    budget.onCall();
    route(service, timeoutMillis).onComplete(ar -> {
      if (ar.failed()) {
        promise.tryFail(ar.cause());
      } else {
        attempt(ar.result(), grouping, idempotent, hashKey, deadline, attempt, new HashSet<>(), null, promise);
      }
    });
    return promise.future();
  }

  /** Calls every server {@code grouping} names ({@link Grouping.Kind#ALL} or {@link Grouping.Kind#LIST}). */
  public <T> Future<GroupResult<T>> callGroup(String service, Grouping grouping, long timeoutMillis, CallAttempt<T> attempt) {
    Promise<GroupResult<T>> promise = ((ContextInternal) vertx.getOrCreateContext()).promise();
    Future<List<SocketAddress>> targets = grouping.kind() == Grouping.Kind.LIST
        ? Future.succeededFuture(grouping.servers())
        : route(service, timeoutMillis).map(route -> route.available().stream().map(e -> e.server().address()).toList());
    targets.onComplete(ar -> {
      if (ar.failed()) {
        promise.fail(ar.cause());
        return;
      }
      try {
        callEach(service, grouping, timeoutMillis, attempt, ar.result(), promise);
      } catch (RuntimeException e) {
        promise.tryFail(new SlackerException(StatusCode.INTERNAL, "a group call to '" + service + "' failed: " + e, e));
      }
    });
    return promise.future();
  }

  private <T> void callEach(String service, Grouping grouping, long timeoutMillis, CallAttempt<T> attempt,
                            List<SocketAddress> servers, Promise<GroupResult<T>> promise) {
    if (servers.isEmpty()) {
      promise.fail(noServers(service));
      return;
    }
    List<Future<T>> calls = new ArrayList<>();
    for (SocketAddress server : servers) {
      calls.add(attempt.call(server, requiresTls(server), timeoutMillis, null));
    }
    Future.join(calls).onComplete(done -> {
      List<ServerResult<T>> results = new ArrayList<>();
      for (int i = 0; i < servers.size(); i++) {
        Future<T> f = calls.get(i);
        results.add(f.succeeded() ? ServerResult.success(servers.get(i), f.result())
            : ServerResult.failure(servers.get(i), f.cause()));
        recordOutcome(servers.get(i), f);
      }
      GroupResult<T> result = new GroupResult<>(service, results);
      if (result.failsUnder(grouping.policy())) {
        promise.fail(new GroupCallException(grouping.policy(), result));
      } else {
        promise.complete(result);
      }
    });
  }

  /** A group call reduced to one value, for typed proxies: the grouping's merge, or the first success. */
  @SuppressWarnings("unchecked")
  public <T> Future<T> callGroupMerged(String service, Grouping grouping, long timeoutMillis, CallAttempt<T> attempt) {
    return callGroup(service, grouping, timeoutMillis, attempt).map(result -> {
      if (grouping.merge() != null) {
        return (T) grouping.merge().apply((GroupResult<Object>) result);
      }
      List<T> values = result.values();
      if (values.isEmpty()) {
        throw new GroupCallException(grouping.policy(), result);
      }
      return values.get(0);
    });
  }

  /** @return the current leader of {@code service}, once discovery has answered; {@code null} when it has none */
  public Future<SocketAddress> leader(String service, long timeoutMillis) {
    return route(service, timeoutMillis).map(route -> route.members().leader());
  }

  /** @return the servers of {@code service} in rotation */
  public Future<List<ServerInstance>> servers(String service, long timeoutMillis) {
    return route(service, timeoutMillis).map(route -> route.available().stream().map(Endpoint::server).toList());
  }

  /** Takes {@code server} out of rotation at once, e.g. because the transport saw its connection fail. */
  public void connectionFailed(SocketAddress server, String why) {
    ejected(ejections.eject(server, why), server);
  }

  private void ejected(boolean ejected, SocketAddress server) {
    if (ejected && metrics != null) {
      metrics.ejected(server);
    }
  }

  public Future<Void> close() {
    ejections.close();
    List<Future<Void>> closing = new ArrayList<>();
    routes.values().forEach(r -> closing.add(r.close()));
    routes.clear();
    return Future.join(closing).mapEmpty();
  }

  private <T> void attempt(ServiceRoute route, Grouping grouping, boolean idempotent, String hashKey, long deadline,
                           CallAttempt<T> attempt, Set<SocketAddress> tried, Throwable lastFailure, Promise<T> promise) {
    try {
      tryAttempt(route, grouping, idempotent, hashKey, deadline, attempt, tried, lastFailure, promise);
    } catch (RuntimeException e) {
      // A balancer (possibly the user's own) or grouping code that throws fails the call, not hangs it.
      promise.tryFail(new SlackerException(StatusCode.INTERNAL, "routing a call to '" + route.service() + "' failed: " + e, e));
    }
  }

  private <T> void tryAttempt(ServiceRoute route, Grouping grouping, boolean idempotent, String hashKey, long deadline,
                              CallAttempt<T> attempt, Set<SocketAddress> tried, Throwable lastFailure, Promise<T> promise) {
    if (promise.future().isComplete()) {
      return;
    }
    long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (lastFailure != null && remaining < options.getMinAttemptMillis()) {
      // A retry, or a call that waited for a leader, would arrive with no time to run.
      promise.tryFail(lastFailure);
      return;
    }
    if (remaining <= 0) {
      promise.tryFail(lastFailure != null ? lastFailure
          : new SlackerException(StatusCode.DEADLINE_EXCEEDED, "call to '" + route.service() + "' timed out before it was sent"));
      return;
    }
    Endpoint target = grouping.kind() == Grouping.Kind.LEADER ? leaderOf(route, tried) : route.select(hashKey, tried);
    if (target == null && grouping.kind() == Grouping.Kind.LEADER && route.members().leader() != null) {
      // The known leader is unreachable: a successor is usually already queued in the election,
      // so wait for discovery to name it rather than fail the call.
      context.setTimer(LEADER_RECHECK_MILLIS, t -> attempt(route, grouping, idempotent, hashKey, deadline, attempt, tried,
          lastFailure != null ? lastFailure : noLeader(route), promise));
      return;
    }
    if (target == null) {
      promise.tryFail(lastFailure != null ? lastFailure : grouping.kind() == Grouping.Kind.LEADER
          ? noLeader(route) : noServers(route.service()));
      return;
    }
    SocketAddress server = target.server().address();
    tried.add(server);
    long attemptTimeout = options.getAttemptTimeoutMillis() > 0 ? Math.min(remaining, options.getAttemptTimeoutMillis()) : remaining;
    target.started();
    String leaderIncarnation = grouping.kind() == Grouping.Kind.LEADER ? route.members().leaderIncarnation() : null;
    attempt.call(server, requiresTls(server), attemptTimeout, leaderIncarnation).onComplete(ar -> {
      target.finished();
      if (ar.succeeded()) {
        recordOutcome(server, ar);
        promise.tryComplete(ar.result());
        return;
      }
      Throwable failure = ar.cause();
      if (grouping.kind() == Grouping.Kind.LEADER && failure instanceof SlackerException slacker
          && slacker.code() == StatusCode.NOT_LEADER) {
        // Not run. Discovery may name a server a moment before it takes office, or after it left:
        // ask again shortly, the same server included, until the deadline.
        tried.remove(server);
        context.setTimer(LEADER_RECHECK_MILLIS, t -> attempt(route, grouping, idempotent, hashKey, deadline, attempt,
            tried, failure, promise));
        return;
      }
      recordOutcome(server, ar);
      if (tried.size() < options.getMaxAttempts() && retryable(failure, idempotent)) {
        if (budget.tryRetry()) {
          if (metrics != null) {
            metrics.retried(route.service(), SlackerException.from(failure).code());
          }
          attempt(route, grouping, idempotent, hashKey, deadline, attempt, tried, failure, promise);
          return;
        }
        if (metrics != null) {
          metrics.retryBudgetExhausted(route.service());
        }
      }
      promise.tryFail(failure);
    });
  }

  private Endpoint leaderOf(ServiceRoute route, Set<SocketAddress> tried) {
    SocketAddress leader = route.members().leader();
    if (leader == null || tried.contains(leader) || ejections.isEjected(leader)) {
      return null;
    }
    return route.endpoint(leader);
  }

  private boolean retryable(Throwable failure, boolean idempotent) {
    if (failures.neverRan(failure)) {
      return true;
    }
    if (!idempotent || !(failure instanceof SlackerException)) {
      return false;
    }
    StatusCode code = ((SlackerException) failure).code();
    return code == StatusCode.UNAVAILABLE || code == StatusCode.DEADLINE_EXCEEDED;
  }

  /**
   * What an attempt says of its server: a transport failure takes it out of rotation, an attempt
   * with no answer counts toward that, and any answer, even an error, shows it is up.
   */
  private void recordOutcome(SocketAddress server, AsyncResult<?> outcome) {
    Throwable failure = outcome.cause();
    if (outcome.succeeded()) {
      ejections.answered(server);
    } else if (failures.unreachable(failure)) {
      ejected(ejections.eject(server, failure.getMessage()), server);
    } else if (failures.unanswered(failure)) {
      ejected(ejections.unanswered(server), server);
    } else if (!failures.neverRan(failure)) {
      ejections.answered(server);
    }
  }

  /** The route of {@code service}; its first use waits for discovery's first answer, at most {@code timeoutMillis}. */
  private Future<ServiceRoute> route(String service, long timeoutMillis) {
    if (discovery == null) {
      return Future.failedFuture(new IllegalStateException("calls to '" + service
          + "' need a discovery: create the client with SlackerClient.create(vertx, options, discovery)"));
    }
    ServiceRoute route = routes.computeIfAbsent(service, s -> new ServiceRoute(s, vertx, context, discovery,
        LoadBalancer.named(options.getLoadBalancer()), ejections, options.getEmptyProtectionMillis(), ejections::restore));
    Future<ServiceRoute> ready = route.ready().map(route);
    if (ready.isComplete()) {
      if (ready.failed()) {
        routes.remove(service, route);
        return Future.failedFuture(discoveryFailed(service, ready.cause()));
      }
      return ready;
    }
    return ready.timeout(timeoutMillis, TimeUnit.MILLISECONDS).recover(e -> {
      if (route.ready().failed()) {
        routes.remove(service, route);
        return Future.failedFuture(discoveryFailed(service, route.ready().cause()));
      }
      return Future.failedFuture(new SlackerException(StatusCode.UNAVAILABLE, "service '" + service
          + "': discovery has given no server list within " + timeoutMillis + " ms (is ZooKeeper reachable?)", e));
    });
  }

  /** Discovery said why it cannot list the service (ZooKeeper refused the read, say): the call says so too. */
  private static SlackerException discoveryFailed(String service, Throwable cause) {
    return new SlackerException(StatusCode.UNAVAILABLE, "service '" + service + "': discovery failed: "
        + cause.getMessage(), cause);
  }

  /** @return how discovery lists {@code server} in any service, or {@code null} when it does not */
  private Ejections.Listed listing(SocketAddress server) {
    for (ServiceRoute route : routes.values()) {
      ServerData data = route.listedData(server);
      if (data != null) {
        return new Ejections.Listed(data.isTls());
      }
    }
    return null;
  }

  /** @return whether the server's registration requires TLS; {@code null} when discovery does not list it */
  private Boolean requiresTls(SocketAddress server) {
    Ejections.Listed listed = listing(server);
    return listed == null ? null : listed.requiresTls();
  }

  private static SlackerException noServers(String service) {
    return new SlackerException(StatusCode.UNAVAILABLE, "service '" + service + "' has no server available");
  }

  private static SlackerException noLeader(ServiceRoute route) {
    SocketAddress leader = route.members().leader();
    return new SlackerException(StatusCode.UNAVAILABLE, leader == null
        ? "service '" + route.service() + "' has no leader"
        : "the leader of '" + route.service() + "', " + ServerAddresses.format(leader) + ", is unreachable");
  }
}
