package io.slacker;

import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.EchoServices;
import io.slacker.test.RawFrames;
import io.slacker.test.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the official client does with frames a server should not send (docs/protocol.md §3,
 * "What a client ignores"): it ignores what carries nothing for it, and refuses what would
 * change the meaning of what it reads.
 */
class ClientConformanceTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private Vertx vertx;
  private SlackerClient client;

  @BeforeEach
  void start() {
    vertx = TestVertx.create();
    client = SlackerClient.create(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    client.close().await(5, TimeUnit.SECONDS);
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  @Test
  void framesThatCarryNothingForTheClientAreIgnored() throws Exception {
    try (ScriptedServer server = new ScriptedServer(RawFrames.hello(), callId -> RawFrames.concat(
        RawFrames.frame(RawFrames.RESPONSE, 0, RawFrames.JSON, 0, RawFrames.json("\"call id 0\"")),
        RawFrames.frame(42, 0, 0, callId, new byte[]{1, 2, 3}),
        RawFrames.request(callId, RawFrames.JSON, 0, EchoServices.NAME, "echo(java.lang.String)", RawFrames.json("[\"x\"]")),
        RawFrames.frame(RawFrames.CANCEL, 0, 0, callId, new byte[0]),
        RawFrames.hello(),
        RawFrames.frame(RawFrames.RESPONSE, 0, RawFrames.JSON, callId + 1000, RawFrames.json("\"nobody's\"")),
        RawFrames.frame(RawFrames.RESPONSE, 0, RawFrames.JSON, callId, RawFrames.json("\"the answer\""))))) {
      assertEquals("the answer", client.<String>call(EchoServices.ECHO, new Object[]{"x"}, to(server)).await(5, TimeUnit.SECONDS));
      assertEquals("again", client.<String>call(EchoServices.ECHO, new Object[]{"again"}, to(server)).await(5, TimeUnit.SECONDS),
          "the connection still serves");
    }
  }

  @Test
  void aServerHelloWithAFrameLimitBelowTheHeaderClosesTheConnection() throws Exception {
    try (ScriptedServer server = new ScriptedServer(RawFrames.hello(5, RawFrames.JSON), callId -> new byte[0])) {
      SlackerException error = assertThrows(SlackerException.class,
          () -> client.call(EchoServices.ECHO, new Object[]{"x"}, to(server)).await(5, TimeUnit.SECONDS));
      assertEquals(StatusCode.UNAVAILABLE, error.code());
      assertTrue(error.getMessage().endsWith("HELLO announces a maximum frame size of 5 bytes, below the 9-byte header"),
          error.getMessage());
    }
  }

  @Test
  void aResponseWithUnknownFlagsFailsThatCallOnly() throws Exception {
    try (ScriptedServer server = new ScriptedServer(RawFrames.hello(),
        callId -> RawFrames.frame(RawFrames.RESPONSE, 0x01, RawFrames.JSON, callId, RawFrames.json("\"?\"")))) {
      SlackerException error = assertThrows(SlackerException.class,
          () -> client.call(EchoServices.ECHO, new Object[]{"x"}, to(server)).await(5, TimeUnit.SECONDS));
      assertEquals(StatusCode.PROTOCOL_ERROR, error.code());
      assertTrue(error.getMessage().endsWith("has unknown flag bits 0x01"), error.getMessage());
    }
  }

  private static CallOptions to(ScriptedServer server) {
    return new CallOptions().setServer(SocketAddress.inetSocketAddress(server.listener.getLocalPort(), "127.0.0.1"))
        .setTimeoutMillis(5_000).setSerialization("json");
  }

  /**
   * Answers the client's HELLO with {@code hello}, the first request with the scripted frames and
   * every later one with its echo.
   */
  private static final class ScriptedServer implements AutoCloseable {
    final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private final Thread thread;
    private volatile Socket accepted;

    ScriptedServer(byte[] hello, IntFunction<byte[]> firstAnswer) throws Exception {
      thread = new Thread(() -> serve(hello, firstAnswer), "scripted-server");
      thread.setDaemon(true);
      thread.start();
    }

    private void serve(byte[] hello, IntFunction<byte[]> firstAnswer) {
      try (Socket socket = listener.accept()) {
        accepted = socket;
        socket.setSoTimeout(10_000);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        boolean answered = false;
        while (true) {
          byte[] frame = new byte[in.readInt()];
          in.readFully(frame);
          int callId = ((frame[5] & 0xFF) << 24) | ((frame[6] & 0xFF) << 16) | ((frame[7] & 0xFF) << 8) | (frame[8] & 0xFF);
          if (frame[2] == RawFrames.HELLO) {
            out.write(hello);
          } else if (frame[2] == RawFrames.REQUEST && !answered) {
            answered = true;
            out.write(firstAnswer.apply(callId));
          } else if (frame[2] == RawFrames.REQUEST) {
            // The argument array ["..."] is the echo's result "...", after the 13-byte numeric header.
            byte[] args = java.util.Arrays.copyOfRange(frame, 9 + 12, frame.length);
            out.write(RawFrames.frame(RawFrames.RESPONSE, 0, RawFrames.JSON, callId,
                java.util.Arrays.copyOfRange(args, 1, args.length - 1)));
          }
        }
      } catch (Exception e) {
        // The client closed the connection or the test ended.
      }
    }

    @Override
    public void close() throws Exception {
      listener.close();
      if (accepted != null) {
        accepted.close();
      }
      thread.interrupt();
      thread.join(5_000);
    }
  }
}
