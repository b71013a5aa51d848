package io.slacker.limits;

import io.slacker.ServerLimitsOptions;
import io.slacker.SlackerServerOptions;
import io.slacker.test.ForkedJvm;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real OutOfMemoryError on a server's event loop, in a forked JVM: by default the process says
 * so in one line and exits with status 3 for its supervisor; with the exit turned off, the call
 * fails and the server goes on serving. Never up but deaf.
 */
class OutOfMemoryExitTest {

  private static byte[] exhaust(int callId) {
    return LimitFrames.request(callId, ForkedLimitsServer.BULK, "exhaust", 0, 0, 0, RawFrames.json("[]"));
  }

  @Test
  void byDefaultTheProcessExitsWithOneClearLine() throws Exception {
    try (ForkedJvm server = ForkedJvm.start(ForkedLimitsServer.class, List.of("-Xmx64m"), "{}");
         RawConnection connection = new RawConnection(server.port())) {
      connection.send(exhaust(1));
      assertTrue(server.process().waitFor(30, TimeUnit.SECONDS), "the process ended");
      assertEquals(3, server.process().exitValue());
      assertTrue(connection.closedByPeer());
      String stderr = server.stderr();
      assertTrue(stderr.contains("slacker: FATAL: the JVM ran out of memory"), stderr);
      assertTrue(stderr.contains("java.lang.OutOfMemoryError"), stderr);
    }
  }

  @Test
  void withTheExitTurnedOffTheCallFailsAndTheServerGoesOn() throws Exception {
    String options = new SlackerServerOptions().setLimits(new ServerLimitsOptions().setExitOnOutOfMemory(false)).toJson().encode();
    try (ForkedJvm server = ForkedJvm.start(ForkedLimitsServer.class, List.of("-Xmx64m"), options);
         RawConnection connection = new RawConnection(server.port())) {
      connection.setReadTimeout(30_000);
      connection.send(exhaust(1));
      ReadFrame failed = connection.read();
      assertEquals(RawFrames.ERROR, failed.type());
      assertEquals(RawFrames.APPLICATION_ERROR, failed.errorCode());
      assertTrue(failed.errorMessage().contains("Java heap space"), failed.errorMessage());
      connection.send(LimitFrames.echo(2, "after"));
      ReadFrame echoed = connection.read();
      assertEquals(RawFrames.RESPONSE, echoed.type());
      assertTrue(server.process().isAlive());
    }
  }
}
