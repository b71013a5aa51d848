package io.slacker.benchmarks.floor;

import io.slacker.benchmarks.harness.Completion;
import io.slacker.benchmarks.harness.OnContext;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadClient;
import io.slacker.benchmarks.workload.Operation;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Sends frames over one connection and matches answers to calls in order, which the single
 * connection guarantees: the least a client can do.
 */
public final class FloorClient implements WorkloadClient {

  private final Vertx vertx;
  /**
   * Held for the client's whole life: Vert.x shuts down a {@link NetClient} that is no longer
   * reachable (a {@code Cleaner} runs after the garbage collector finds it), and that closes
   * its connection.
   */
  private final NetClient netClient;
  private final FloorFrames frames;
  private final Context context;
  private final NetSocket socket;
  /** Touched only on the connection's event loop. */
  private final ArrayDeque<Completion> waiting = new ArrayDeque<>();
  /** Touched only on the connection's event loop. */
  private boolean closed;

  private FloorClient(Vertx vertx, NetClient netClient, FloorFrames frames, Context context, NetSocket socket) {
    this.vertx = vertx;
    this.netClient = netClient;
    this.frames = frames;
    this.context = context;
    this.socket = socket;
    socket.handler(LengthPrefixedFrames.parser(body -> waiting.poll().complete(body, null)));
    socket.closeHandler(v -> failWaiting());
    // a graceful shutdown would keep the calls in flight until it times out: close at once instead
    socket.shutdownHandler(v -> socket.close());
  }

  public static FloorClient connect(Settings settings) throws Exception {
    FloorFrames frames = FloorFrames.parse(settings.get("frameSizes"));
    Vertx vertx = Vertx.vertx();
    Context context = vertx.getOrCreateContext();
    Promise<FloorClient> connected = Promise.promise();
    // connecting on our context ties the socket, and so every answer, to it
    context.runOnContext(v -> {
      NetClient netClient = vertx.createNetClient(new NetClientOptions());
      netClient.connect(settings.getInt("port"), "127.0.0.1")
          .map(socket -> new FloorClient(vertx, netClient, frames, context, socket))
          .onComplete(connected);
    });
    return connected.future().await(10, TimeUnit.SECONDS);
  }

  @Override
  public void call(Operation operation, int key, Completion done) {
    Buffer request = frames.request(operation, key);
    OnContext.run(context, () -> send(request, done));
  }

  private void send(Buffer request, Completion done) {
    if (closed) {
      done.complete(null, new IllegalStateException("the floor's connection is closed"));
      return;
    }
    waiting.add(done);
    socket.write(request);
  }

  /** A closed connection fails its calls instead of leaving them in flight for ever. */
  private void failWaiting() {
    closed = true;
    IllegalStateException failure = new IllegalStateException("the floor's connection closed with the call in flight");
    Completion done;
    while ((done = waiting.poll()) != null) {
      done.complete(null, failure);
    }
  }

  @Override
  public boolean isCorrect(Operation operation, int key, Object response) {
    return frames.isResponse(operation, key, (Buffer) response);
  }

  @Override
  public void close() {
    netClient.close().await();
    vertx.close().await();
  }
}
