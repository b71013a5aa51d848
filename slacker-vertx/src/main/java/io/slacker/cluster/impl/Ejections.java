package io.slacker.cluster.impl;

import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Servers taken out of rotation because a connection to them failed, or because attempts on them
 * kept timing out, without waiting for discovery to notice. Each is probed with a handshake, with
 * a doubling backoff, and returns once a probe is answered, once it re-registers in discovery, or is forgotten once
 * discovery no longer lists it.
 */
final class Ejections {

  private static final Logger log = LoggerFactory.getLogger(Ejections.class);

  private final ContextInternal context;
  private final ServerConnector connector;
  private final long initialBackoff;
  private final long maxBackoff;
  /** Whether discovery still lists a server, and whether it requires TLS there. */
  private final Function<SocketAddress, Listed> listing;
  /** A probe's HELLO announces the smallest limit: the probe reads nothing but the answer's header. */
  private static final int PROBE_MAX_FRAME_SIZE = 64 * 1024;

  private final Map<SocketAddress, Long> ejected = new ConcurrentHashMap<>();
  /** Attempts in a row that got no answer, per server; an answer of any kind resets it. */
  private final Map<SocketAddress, Integer> unanswered = new ConcurrentHashMap<>();
  private final int timeoutsToEject;
  private final long probeTimeoutMillis;
  private final AtomicLong version = new AtomicLong();
  private volatile boolean closed;

  /** How discovery lists a server now; {@code null} from the listing function when it does not. */
  record Listed(boolean requiresTls) {
  }

  /**
   * @param context   where the probes run: the router's own
   * @param connector opens the probes' connections as the client's own, TLS included
   */
  Ejections(ContextInternal context, ServerConnector connector, long initialBackoff, long maxBackoff, long connectTimeout,
            int timeoutsToEject, Function<SocketAddress, Listed> listing) {
    this.timeoutsToEject = timeoutsToEject;
    this.probeTimeoutMillis = connectTimeout;
    this.context = context;
    this.connector = connector;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.listing = listing;
  }

  boolean isEjected(SocketAddress server) {
    return ejected.containsKey(server);
  }

  /** @return a number that changes whenever the ejected set does */
  long version() {
    return version.get();
  }

  /** @return whether this took {@code server} out of rotation (it was in) */
  boolean eject(SocketAddress server, String why) {
    if (closed || ejected.putIfAbsent(server, System.nanoTime()) != null) {
      return false;
    }
    version.incrementAndGet();
    log.info("Taking " + ServerAddresses.format(server) + " out of rotation: " + why);
    scheduleProbe(server, initialBackoff);
    return true;
  }

  /** An attempt on {@code server} got no answer in time; enough of them in a row take it out of rotation. */
  /** @return whether this took {@code server} out of rotation */
  boolean unanswered(SocketAddress server) {
    if (timeoutsToEject == 0) {
      return false;
    }
    int inARow = unanswered.merge(server, 1, Integer::sum);
    if (inARow >= timeoutsToEject) {
      unanswered.remove(server);
      return eject(server, inARow + " attempts in a row got no answer in time");
    }
    return false;
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
      Listed listed = listing.apply(server);
      if (listed == null) {
        ejected.remove(server);
        version.incrementAndGet();
        return;
      }
      HandshakeProbe.probe(context, connector, server, listed.requiresTls(), probeTimeoutMillis, PROBE_MAX_FRAME_SIZE)
          .onComplete(ar -> {
            if (ar.succeeded()) {
              restore(server);
            } else {
              scheduleProbe(server, Math.min(backoff * 2, maxBackoff));
            }
          });
    });
  }

  void close() {
    closed = true;
  }
}
