package io.slacker.benchmarks.floor;

import io.slacker.benchmarks.harness.BlockingCall;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.workload.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The floor's connection lives as long as its client, whatever the garbage collector does, and a
 * connection that does close fails its calls instead of keeping them in flight.
 */
class FloorClientTest {

  private static final String SIZES = "46:14,364:14,30:350,30:4090";

  @Test
  void connectionSurvivesGarbageCollection() throws Exception {
    try (FloorServer server = new FloorServer()) {
      int port = server.start(Settings.parse(List.of("frameSizes=" + SIZES)));
      try (FloorClient client = FloorClient.connect(Settings.parse(List.of("frameSizes=" + SIZES, "port=" + port)))) {
        // Vert.x closes an unreachable NetClient's connections once a collection has found it
        for (int i = 0; i < 3; i++) {
          System.gc();
          Thread.sleep(200);
        }
        for (Operation operation : Operation.values()) {
          assertTrue(client.isCorrect(operation, 7, BlockingCall.call(client, operation, 7)), operation.methodName());
        }
      }
    }
  }

  @Test
  void callsFailOnceTheServerHasGone() throws Exception {
    FloorServer server = new FloorServer();
    int port = server.start(Settings.parse(List.of("frameSizes=" + SIZES)));
    try (FloorClient client = FloorClient.connect(Settings.parse(List.of("frameSizes=" + SIZES, "port=" + port)))) {
      server.close();
      ExecutionException failure = assertThrows(ExecutionException.class, () -> {
        // the close may reach the client after a call has gone out: that call fails too
        for (int i = 0; i < 100; i++) {
          BlockingCall.call(client, Operation.GET_USER, 1);
          Thread.sleep(20);
        }
      });
      assertTrue(failure.getCause().getMessage().contains("the floor's connection"), failure.toString());
    }
  }
}
