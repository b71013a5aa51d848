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
  private final FloorFrames frames;
  private final Context context;
  private final NetSocket socket;
  /** Touched only on the connection's event loop. */
  private final ArrayDeque<Completion> waiting = new ArrayDeque<>();

  private FloorClient(Vertx vertx, FloorFrames frames, Context context, NetSocket socket) {
    this.vertx = vertx;
    this.frames = frames;
    this.context = context;
    this.socket = socket;
    socket.handler(LengthPrefixedFrames.parser(body -> waiting.poll().complete(body, null)));
  }

  public static FloorClient connect(Settings settings) throws Exception {
    FloorFrames frames = FloorFrames.parse(settings.get("frameSizes"));
    Vertx vertx = Vertx.vertx();
    Context context = vertx.getOrCreateContext();
    Promise<FloorClient> connected = Promise.promise();
    // connecting on our context ties the socket, and so every answer, to it
    context.runOnContext(v -> vertx.createNetClient(new NetClientOptions())
        .connect(settings.getInt("port"), "127.0.0.1")
        .map(socket -> new FloorClient(vertx, frames, context, socket))
        .onComplete(connected));
    return connected.future().await(10, TimeUnit.SECONDS);
  }

  @Override
  public void call(Operation operation, int key, Completion done) {
    Buffer request = frames.request(operation, key);
    OnContext.run(context, () -> send(request, done));
  }

  private void send(Buffer request, Completion done) {
    waiting.add(done);
    socket.write(request);
  }

  @Override
  public boolean isCorrect(Operation operation, int key, Object response) {
    return frames.isResponse(operation, key, (Buffer) response);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
