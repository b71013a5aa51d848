package io.slacker.cluster.impl;

import org.apache.curator.framework.listen.UnaryListenerManager;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only the reconnection after a lost session waits; every listener still gets every change, in order. */
class JitteredRecoveryTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private record Seen(ConnectionState state, long atNanos) {
  }

  @Test
  void theReconnectionAfterALostSessionWaitsAndNothingOvertakesIt() throws Exception {
    List<Seen> seen = new CopyOnWriteArrayList<>();
    UnaryListenerManager<ConnectionStateListener> manager = JitteredRecovery.factory(scheduler, 300).newManager(null);
    manager.addListener((client, state) -> seen.add(new Seen(state, System.nanoTime())), Runnable::run);
    long start = System.nanoTime();
    List<ConnectionState> sent = List.of(ConnectionState.CONNECTED, ConnectionState.SUSPENDED, ConnectionState.RECONNECTED,
        ConnectionState.SUSPENDED, ConnectionState.LOST, ConnectionState.RECONNECTED, ConnectionState.SUSPENDED,
        ConnectionState.RECONNECTED);
    for (ConnectionState state : sent) {
      manager.forEach(listener -> listener.stateChanged(null, state));
    }
    // A reconnection within the session is handed on at once.
    assertEquals(sent.subList(0, 5), seen.stream().map(Seen::state).toList().subList(0, Math.min(5, seen.size())));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (seen.size() < sent.size() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(sent, seen.stream().map(Seen::state).toList(), "every change, in order");
    assertTrue(seen.get(5).atNanos() - start <= TimeUnit.MILLISECONDS.toNanos(300 + 2_000), "within the jitter");
  }

  @Test
  void aListenerThatThrowsStillGetsTheChangesThatFollow() {
    List<ConnectionState> seen = new CopyOnWriteArrayList<>();
    UnaryListenerManager<ConnectionStateListener> manager = JitteredRecovery.factory(scheduler, 0).newManager(null);
    manager.addListener((client, state) -> {
      seen.add(state);
      throw new IllegalStateException("broken listener");
    }, Runnable::run);
    manager.forEach(listener -> listener.stateChanged(null, ConnectionState.CONNECTED));
    manager.forEach(listener -> listener.stateChanged(null, ConnectionState.SUSPENDED));
    assertEquals(List.of(ConnectionState.CONNECTED, ConnectionState.SUSPENDED), seen);
  }
}
