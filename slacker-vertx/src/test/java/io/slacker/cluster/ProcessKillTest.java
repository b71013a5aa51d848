package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.ConnectionLostException;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Servers in forked JVMs killed with SIGKILL under continuous load. The figures printed (time to
 * route away, time without a leader) are recorded in docs/cluster.md.
 */
class ProcessKillTest extends ForkedClusterTestBase {

  private static final int SESSION_TIMEOUT_MILLIS = 3_000;
  private static final int CONCURRENCY = 4;

  @Override
  String cluster() {
    return "kill";
  }

  @Override
  long attemptTimeoutMillis() {
    return 1_500;
  }

  private ForkedServers.Forked fork() throws Exception {
    return fork(SESSION_TIMEOUT_MILLIS);
  }

  @Test
  void killedServerLosesNoIdempotentCallAndTrafficMovesToTheOthers() throws Exception {
    ForkedServers.Forked a = fork();
    ForkedServers.Forked b = fork();
    ForkedServers.Forked c = fork();
    Await.until("three servers in rotation", WAIT, () -> inRotation(a.address()) && inRotation(b.address()) && inRotation(c.address()));

    // Discovery's own view, to time when ZooKeeper drops the killed server.
    AtomicLong droppedByZookeeper = new AtomicLong();
    ServiceWatch zkView = Await.result(clientDiscovery.watch(Who.NAME, members -> {
      if (members.servers().stream().noneMatch(s -> s.address().equals(b.address()))) {
        droppedByZookeeper.compareAndSet(0, System.nanoTime());
      }
    }));

    Who who = client.proxy(Who.class, new CallOptions());
    LoadLoop idempotent = new LoadLoop(vertx, who::nameIdempotent, CONCURRENCY);
    LoadLoop plain = new LoadLoop(vertx, who::name, CONCURRENCY);
    idempotent.start();
    plain.start();
    Await.until("B takes calls", WAIT, () -> idempotent.lastAnswerFrom(b.name()) != 0 && plain.lastAnswerFrom(b.name()) != 0);
    Thread.sleep(500);

    long killedAt = System.nanoTime();
    forked.kill(b);
    long tcpMillis = Await.until("B out of rotation", WAIT, () -> !inRotation(b.address()));
    int idempotentFromB = idempotent.answersFrom(b.name());
    int plainFromB = plain.answersFrom(b.name());
    Await.until("ZooKeeper drops B", WAIT, () -> droppedByZookeeper.get() != 0);
    long zkMillis = TimeUnit.NANOSECONDS.toMillis(droppedByZookeeper.get() - killedAt);
    long afterKill = System.nanoTime();
    Await.until("A and C answer after the kill", WAIT,
        () -> idempotent.lastAnswerFrom(a.name()) > afterKill && idempotent.lastAnswerFrom(c.name()) > afterKill);

    LoadLoop.Totals idem = Await.result(idempotent.stop());
    LoadLoop.Totals other = Await.result(plain.stop());
    Await.result(zkView.close());
    System.out.println("SIGKILL of a server: out of rotation via TCP after " + tcpMillis + " ms, dropped by ZooKeeper after "
        + zkMillis + " ms (session timeout " + SESSION_TIMEOUT_MILLIS + " ms)");
    System.out.println("SIGKILL of a server: idempotent " + idem + "; non-idempotent " + other);

    assertEquals(0, idem.failed(), "idempotent calls lose nothing: " + idem);
    assertTrue(other.failed() <= CONCURRENCY, "only calls in flight on B can fail: " + other);
    for (Map.Entry<String, Integer> failure : other.failures().entrySet()) {
      assertTrue(failure.getKey().startsWith(ConnectionLostException.class.getSimpleName() + ":"),
          "a failed call is one lost with its connection: " + failure);
    }
    assertEquals(idempotentFromB, idem.byServer().get(b.name()), "nothing answered from B once out of rotation");
    assertEquals(plainFromB, other.byServer().get(b.name()), "nothing answered from B once out of rotation");
  }

  @Test
  void killedLeaderIsReplacedAndLeaderCallsFollow() throws Exception {
    ForkedServers.Forked a = fork();
    ForkedServers.Forked b = fork();
    Await.until("a leader", WAIT, () -> leader() != null && inRotation(a.address()) && inRotation(b.address()));
    SocketAddress first = leader();
    ForkedServers.Forked leading = first.equals(a.address()) ? a : b;
    ForkedServers.Forked survivor = leading == a ? b : a;

    Who toLeader = client.proxy(Who.class, new CallOptions().setGrouping(Grouping.leader()));
    assertEquals(leading.name(), Await.result(toLeader.nameIdempotent()));
    LoadLoop load = new LoadLoop(vertx, toLeader::nameIdempotent, 2);
    load.start();
    Thread.sleep(300);

    long killedAt = System.nanoTime();
    forked.kill(leading);
    long electedMillis = Await.until("a new leader", WAIT, () -> survivor.address().equals(leader()));
    int fromDeadLeader = load.answersFrom(leading.name());
    long servedMillis = Await.until("LEADER calls answered by the new leader", WAIT,
        () -> load.lastAnswerFrom(survivor.name()) > killedAt);
    LoadLoop.Totals totals = Await.result(load.stop());
    System.out.println("SIGKILL of the leader: new leader seen after " + electedMillis + " ms, LEADER calls served by it after "
        + (electedMillis + servedMillis) + " ms; " + totals);

    assertNotEquals(first, leader());
    assertEquals(0, totals.failed(), "idempotent LEADER calls wait for the next leader and lose nothing: " + totals);
    assertEquals(fromDeadLeader, totals.byServer().get(leading.name()), "nothing answered from the dead leader once replaced");
    assertTrue(totals.byServer().getOrDefault(survivor.name(), 0) > 0);
  }
}
