package io.slacker.test;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A server running {@link EchoServices} on 127.0.0.1 and a client, fresh for every test. */
public abstract class EchoServerTestBase {

  @RegisterExtension
  public final BlockedThreadGuard guard = new BlockedThreadGuard();

  protected Vertx vertx;
  protected SlackerServer server;
  protected SlackerClient client;
  protected SocketAddress address;
  protected int port;
  protected final EchoServices service = new EchoServices();

  /** Tests override to change the server's options. */
  protected SlackerServerOptions serverOptions() {
    return new SlackerServerOptions();
  }

  @BeforeEach
  public void startServer() throws Exception {
    vertx = TestVertx.create();
    server = SlackerServer.create(vertx, serverOptions().setHost("127.0.0.1").setPort(0))
        .register(service.definition());
    server.listen().await(10, TimeUnit.SECONDS);
    port = server.actualPort();
    address = SocketAddress.inetSocketAddress(port, "127.0.0.1");
    client = SlackerClient.create(vertx);
  }

  @AfterEach
  public void stopServer() throws Exception {
    client.close().await(10, TimeUnit.SECONDS);
    server.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  protected CallOptions toServer() {
    return new CallOptions().setServer(address);
  }

  /** Shows that the server still answers, through a brand-new client and connection. */
  protected void assertServerStillServes() throws Exception {
    SlackerClient other = SlackerClient.create(vertx);
    try {
      assertEquals("still here", other.<String>call(EchoServices.ECHO, new Object[]{"still here"}, toServer())
          .await(5, TimeUnit.SECONDS));
    } finally {
      other.close().await(5, TimeUnit.SECONDS);
    }
  }

  /**
   * @param atLeast how many {@code blob} calls must have run before a steady count counts
   * @return the number of {@code blob} calls run once it stops changing for 300 ms (at most 10 s)
   */
  protected int blobCallsOnceStable(int atLeast) throws InterruptedException {
    int last = -1;
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      Thread.sleep(300);
      int now = service.blobCalls.get();
      if (now == last && now >= atLeast) {
        return now;
      }
      last = now;
    }
    return service.blobCalls.get();
  }
}
