package io.slacker.test;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.SocketAddress;

import java.util.concurrent.TimeUnit;

/** Vert.x instances for tests, with the blocked-thread checker at a low threshold. */
public final class TestVertx {

  /**
   * An event loop busy for longer than this is reported, and {@link BlockedThreadGuard} fails the
   * test: an eighth of Vert.x's default, with room for the 1 MiB payloads of the codegen tests.
   * {@code -Dslacker.test.maxEventLoopMillis=N} lowers it to see how close a run comes.
   */
  public static final long MAX_EVENT_LOOP_MILLIS = Long.getLong("slacker.test.maxEventLoopMillis", 250);

  static {
    warmUp();
  }

  /**
   * The first server, client and call in a JVM initialize Netty, Jackson and Vert.x classes for
   * up to a second, on whichever thread gets there first, usually an event loop: a test that
   * deploys a verticle first would see that reported as a blocked event loop. One round trip on
   * a throwaway Vert.x, unguarded, does it once up front.
   */
  private static void warmUp() {
    // Netty registers a JFR event the first time it allocates a buffer chunk, which builds JFR's
    // type library: 0.2-0.3 s on this machine.
    try {
      Class.forName("io.netty.buffer.AllocateChunkEvent", true, TestVertx.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      // A Netty without that event has nothing to warm up.
    }
    Vertx vertx = Vertx.vertx();
    try {
      SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
          .register(new EchoServices().definition());
      vertx.deployVerticle(new VerticleBase() {
        @Override
        public Future<?> start() {
          return server.listen();
        }
      }).await(30, TimeUnit.SECONDS);
      SlackerClient client = SlackerClient.create(vertx);
      client.call(EchoServices.ECHO, new Object[]{"warm"},
          new CallOptions().setServer(SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1")))
          .await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the warm-up round trip failed", e);
    } finally {
      vertx.close().await();
    }
  }

  private TestVertx() {
  }

  public static Vertx create() {
    return Vertx.vertx(options());
  }

  /** The options behind {@link #create()}, for tests that build a clustered Vert.x. */
  public static VertxOptions options() {
    return new VertxOptions()
        .setBlockedThreadCheckInterval(50)
        .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        .setMaxEventLoopExecuteTime(MAX_EVENT_LOOP_MILLIS)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setWarningExceptionTime(TestVertx.MAX_EVENT_LOOP_MILLIS)
        .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS)
        .setMaxWorkerExecuteTime(60)
        .setMaxWorkerExecuteTimeUnit(TimeUnit.SECONDS);
  }
}
