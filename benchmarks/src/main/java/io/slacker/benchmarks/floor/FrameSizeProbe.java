package io.slacker.benchmarks.floor;

import io.slacker.benchmarks.harness.BlockingCall;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadClient;
import io.slacker.benchmarks.harness.WorkloadServer;
import io.slacker.benchmarks.workload.Operation;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Measures the frames a real system sends for each operation by passing one call of each
 * through a relay that reads the length fields going by. The floor then sends frames of
 * exactly those sizes.
 */
public final class FrameSizeProbe {

  /** A key with as many digits as most keys of the run, so the sizes are typical. */
  private static final int KEY = 42;

  private FrameSizeProbe() {
  }

  /**
   * @param server the system's server, started here and closed afterwards
   * @param client connects the system's client to a port
   * @return the sizes as {@link FloorFrames#parse(String)} reads them
   */
  public static String measure(WorkloadServer server, Function<Integer, WorkloadClient> client) throws Exception {
    Vertx vertx = Vertx.vertx();
    List<Integer> requests = new CopyOnWriteArrayList<>();
    List<Integer> responses = new CopyOnWriteArrayList<>();
    // held until the finally block: Vert.x shuts down a NetClient that is no longer reachable, and its connections with it
    NetClient upstreamClient = vertx.createNetClient();
    try (server) {
      int serverPort = server.start(Settings.parse(List.of()));
      NetServer relay = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0))
          .connectHandler(downstream -> {
            downstream.pause();
            upstreamClient.connect(serverPort, "127.0.0.1").onSuccess(upstream -> {
              pipe(downstream, upstream, requests);
              pipe(upstream, downstream, responses);
              downstream.resume();
            });
          });
      int relayPort = relay.listen().await().actualPort();
      try (WorkloadClient probe = client.apply(relayPort)) {
        // the first call also carries the connection's handshake, which is not part of the sizes
        await(probe, Operation.EXIST_USER);
        StringBuilder sizes = new StringBuilder();
        for (Operation operation : Operation.values()) {
          requests.clear();
          responses.clear();
          await(probe, operation);
          if (requests.size() != 1 || responses.size() != 1) {
            throw new IllegalStateException(operation.methodName() + " sent frames " + requests + " and received " + responses);
          }
          sizes.append(sizes.length() == 0 ? "" : ",").append(requests.get(0)).append(':').append(responses.get(0));
        }
        return sizes.toString();
      }
    } finally {
      upstreamClient.close().await();
      vertx.close().await();
    }
  }

  private static void pipe(NetSocket from, NetSocket to, List<Integer> frameSizes) {
    var lengths = LengthPrefixedFrames.parser(body -> frameSizes.add(body.length()));
    from.handler(chunk -> {
      lengths.handle(chunk.copy());
      to.write(chunk);
    });
    from.closeHandler(v -> to.close());
  }

  private static void await(WorkloadClient client, Operation operation) throws Exception {
    Object response = BlockingCall.call(client, operation, KEY);
    if (!client.isCorrect(operation, KEY, response)) {
      throw new IllegalStateException(operation.methodName() + " answered " + response + " through the probe");
    }
  }
}
