package io.slacker.cluster;

import io.slacker.CallOptions;
import io.slacker.NotSentException;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.StatusCode;
import io.slacker.impl.protocol.FrameEncoder;
import io.slacker.spi.ServiceDiscovery;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.RawFrames;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leader identity is the process, not the address: while discovery still names a dead leader's
 * incarnation, a client does not send leader calls to a new process at the same address.
 */
class LeaderIncarnationTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private final Vertx vertx = TestVertx.create();

  @AfterEach
  void stop() throws Exception {
    Await.result(vertx.close());
  }

  /** A discovery whose view of the service is fixed: one server, leading as {@code incarnation}. */
  private static ServiceDiscovery viewWithLeader(SocketAddress leader, String incarnation) {
    ServiceMembers members = new ServiceMembers(Who.NAME, List.of(new ServerInstance(leader, new ServerData())), leader,
        incarnation);
    return new ServiceDiscovery() {
      @Override
      public Future<ServiceWatch> watch(String service, Handler<ServiceMembers> listener) {
        return Future.succeededFuture(new ServiceWatch() {
          @Override
          public ServiceMembers current() {
            return members;
          }

          @Override
          public Future<Void> close() {
            return Future.succeededFuture();
          }
        });
      }

      @Override
      public Future<ServerRegistration> register(SocketAddress address, ServerData data) {
        return Future.failedFuture(new UnsupportedOperationException("a client's view only"));
      }

      @Override
      public Future<Void> close() {
        return Future.succeededFuture();
      }
    };
  }

  @Test
  void aLeaderCallIsNotSentToAnotherIncarnationAtTheLeadersAddress() throws Exception {
    List<Integer> frameTypes = new CopyOnWriteArrayList<>();
    // The process now at the address: it answers the handshake as incarnation "restarted".
    NetServer restarted = vertx.createNetServer().connectHandler(socket -> socket.handler(data -> {
      frameTypes.add((int) data.getByte(6));
      if (data.getByte(6) == RawFrames.HELLO) {
        socket.write(FrameEncoder.hello(1 << 20, new int[]{1, 2, 3}, "restarted"));
      }
    }));
    SocketAddress address = SocketAddress.inetSocketAddress(Await.result(restarted.listen(0, "127.0.0.1")).actualPort(),
        "127.0.0.1");
    SlackerClient client = SlackerClient.create(vertx, new SlackerClientOptions().setCallTimeoutMillis(400),
        viewWithLeader(address, "dead-leader"));
    Who toLeader = client.proxy(Who.class, new CallOptions().setGrouping(Grouping.leader()));

    Throwable failure = Await.failure(toLeader.name());
    NotSentException notSent = assertInstanceOf(NotSentException.class, failure);
    assertEquals(StatusCode.NOT_LEADER, notSent.code());
    assertTrue(notSent.getMessage().contains("incarnation dead-leader") && notSent.getMessage().contains("restarted"),
        notSent.getMessage());
    assertTrue(frameTypes.stream().noneMatch(type -> type == RawFrames.REQUEST), "no request reached it: " + frameTypes);
    Await.result(client.close());
  }
}
