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
 * Servers taken out of rotation because a connection to them failed, without waiting for
 * discovery to notice. Each is probed with a plain TCP connect, with a doubling backoff, and
 * returns once a probe connects, once it re-registers in discovery, or is forgotten once
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
  private final Map<SocketAddress, Long> ejected = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private NetClient probeClient;
  private volatile boolean closed;

  /** @param context where the probes run: the router's own */
  Ejections(Vertx vertx, ContextInternal context, long initialBackoff, long maxBackoff, long connectTimeout,
            Predicate<SocketAddress> stillListed) {
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
      probeClient().connect(server).onComplete(ar -> {
        if (ar.succeeded()) {
          ar.result().close();
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
