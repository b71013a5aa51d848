package io.slacker.cluster.impl;

import io.slacker.cluster.ServerInstance;
import io.slacker.spi.LoadBalancer;

import java.util.concurrent.atomic.AtomicInteger;

/** A server as one client's balancer sees it, with the calls this client has in flight there. */
final class Endpoint implements LoadBalancer.Candidate {

  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile ServerInstance server;

  Endpoint(ServerInstance server) {
    this.server = server;
  }

  @Override
  public ServerInstance server() {
    return server;
  }

  void update(ServerInstance server) {
    this.server = server;
  }

  @Override
  public int inFlight() {
    return inFlight.get();
  }

  void started() {
    inFlight.incrementAndGet();
  }

  void finished() {
    inFlight.decrementAndGet();
  }
}
