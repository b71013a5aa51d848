package io.slacker.benchmarks.harness;

import io.slacker.benchmarks.tls.TlsFiles;
import io.slacker.benchmarks.workload.Operation;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every system, server and client in this JVM, answers each operation with the content the
 * workload expects, and the content check rejects the answer to a different request. This is
 * what keeps a system from winning the benchmark by skipping work; no timing is asserted.
 */
class ResponseContentTest {

  private static final int[] KEYS = {0, 1, 42, Operation.KEY_COUNT - 1};

  @ParameterizedTest
  @EnumSource(value = SystemUnderTest.class, names = "SERVICE_PROXY", mode = EnumSource.Mode.EXCLUDE)
  void answersEveryOperationWithTheExpectedContent(SystemUnderTest system, @TempDir Path tls) throws Exception {
    List<String> settings = new ArrayList<>(TlsFiles.write(tls));
    settings.add("frameSizes=46:14,364:14,30:350,30:4090");
    checkAnswers(system, settings);
  }

  @Test
  void serviceProxyOverTheClusteredEventBusAnswersWithTheExpectedContent() throws Exception {
    try (TestingServer zooKeeper = new TestingServer()) {
      checkAnswers(SystemUnderTest.SERVICE_PROXY, List.of("zookeeper=" + zooKeeper.getConnectString()));
    }
  }

  private static void checkAnswers(SystemUnderTest system, List<String> settings) throws Exception {
    try (WorkloadServer server = system.newServer()) {
      int port = server.start(Settings.parse(settings));
      List<String> clientSettings = new ArrayList<>(settings);
      clientSettings.add("port=" + port);
      try (WorkloadClient client = system.connect(Settings.parse(clientSettings))) {
        for (Operation operation : Operation.values()) {
          for (int key : KEYS) {
            Object response = BlockingCall.call(client, operation, key);
            assertTrue(client.isCorrect(operation, key, response), system + " " + operation + "(" + key + ") answered " + response);
            int otherKey = (key + 1) % Operation.KEY_COUNT;
            assertFalse(client.isCorrect(operation, otherKey, response), system + " check accepted the answer for " + key + " as one for " + otherKey);
          }
        }
      }
    }
  }
}
