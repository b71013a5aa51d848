package io.slacker.cluster.impl;

import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.logging.Logger;
import io.vertx.core.internal.logging.LoggerFactory;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.SocketAddress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Servers taken out of rotation because a connection to them failed, or because attempts on them
 * kept timing out, without waiting for discovery to notice. Each is probed with a handshake, with
 * a doubling backoff, and returns once a probe is answered, once it re-registers in discovery, or is forgotten once
 * discovery no longer lists it.
 */
final class Ejections {

  private static final Logger log = LoggerFactory.getLogger(Ejections.class);

  private final Vertx vertx;
  private final ContextInternal context;
  private final NetClientOptions probeOptions;
  private final long initialBackoff;
  private final long maxBackoff;
  private final Predicate<SocketAddress> stillListed;
  /** A probe's HELLO announces the smallest limit: the probe reads nothing but the answer's header. */
  private static final int PROBE_MAX_FRAME_SIZE = 64 * 1024;

  private final Map<SocketAddress, Long> ejected = new ConcurrentHashMap<>();
  /** Attempts in a row that got no answer, per server; an answer of any kind resets it. */
  private final Map<SocketAddress, Integer> unanswered = new ConcurrentHashMap<>();
  private final int timeoutsToEject;
  private final long probeTimeoutMillis;
  private final AtomicLong version = new AtomicLong();
  private NetClient probeClient;
  private volatile boolean closed;

  /** @param context where the probes run: the router's own */
  Ejections(Vertx vertx, ContextInternal context, long initialBackoff, long maxBackoff, long connectTimeout,
            int timeoutsToEject, Predicate<SocketAddress> stillListed) {
    this.timeoutsToEject = timeoutsToEject;
    this.probeTimeoutMillis = connectTimeout;
    this.vertx = vertx;
    this.context = context;
    this.probeOptions = new NetClientOptions().setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout));
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.stillListed = stillListed;
  }

  boolean isEjected(SocketAddress server) {
    return ejected.containsKey(server);
  }

  /** @return a number that changes whenever the ejected set does */
  long version() {
    return version.get();
  }

  void eject(SocketAddress server, String why) {
    if (closed || ejected.putIfAbsent(server, System.nanoTime()) != null) {
      return;
    }
    version.incrementAndGet();
    log.info("Taking " + ServerAddresses.format(server) + " out of rotation: " + why);
    scheduleProbe(server, initialBackoff);
  }

  /** An attempt on {@code server} got no answer in time; enough of them in a row take it out of rotation. */
  void unanswered(SocketAddress server) {
    if (timeoutsToEject == 0) {
      return;
    }
    int inARow = unanswered.merge(server, 1, Integer::sum);
    if (inARow >= timeoutsToEject) {
      unanswered.remove(server);
      eject(server, inARow + " attempts in a row got no answer in time");
    }
  }

  /** {@code server} answered an attempt, in any way: it is up. */
  void answered(SocketAddress server) {
    if (!unanswered.isEmpty()) {
      unanswered.remove(server);
    }
  }

  void restore(SocketAddress server) {
    if (ejected.remove(server) != null) {
      version.incrementAndGet();
      log.info("Putting " + ServerAddresses.format(server) + " back in rotation");
    }
  }

  private void scheduleProbe(SocketAddress server, long backoff) {
    context.setTimer(backoff, id -> {
      if (closed || !ejected.containsKey(server)) {
        return;
      }
      if (!stillListed.test(server)) {
        ejected.remove(server);
        version.incrementAndGet();
        return;
      }
      HandshakeProbe.probe(context, probeClient(), server, probeTimeoutMillis, PROBE_MAX_FRAME_SIZE).onComplete(ar -> {
        if (ar.succeeded()) {
          restore(server);
        } else {
          scheduleProbe(server, Math.min(backoff * 2, maxBackoff));
        }
      });
    });
  }

  /** Created on first use: most clients never eject anything. */
  private synchronized NetClient probeClient() {
    if (probeClient == null) {
      probeClient = vertx.createNetClient(probeOptions);
    }
    return probeClient;
  }

  synchronized void close() {
    closed = true;
    if (probeClient != null) {
      probeClient.close();
    }
  }
}
