package io.slacker.benchmarks.micro;

import com.sun.management.ThreadMXBean;
import io.slacker.MethodDescriptor;
import io.slacker.benchmarks.slacker.SlackerUserServiceSlackerBinding;
import io.slacker.benchmarks.workload.Operation;
import io.slacker.benchmarks.workload.Users;
import io.slacker.impl.serialization.Serializers;
import io.slacker.spi.Serializer;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The payload work of the suite's workload without the network: for each operation, what the
 * client does to write a request and read its response, and what the server does to read the
 * request and write the response, in one thread, in nanoseconds and bytes allocated per call.
 * Serialization changes are judged here first, where the shared machine's noise is small; the
 * suite then says what they are worth end to end. Usage:
 * {@code CodecCost [seconds per round [rounds [format]]]}, by default 5, 5 and smile.
 */
public final class CodecCost {

  private static final List<MethodDescriptor> METHODS = List.of(SlackerUserServiceSlackerBinding.EXIST_USER,
      SlackerUserServiceSlackerBinding.CREATE_USER, SlackerUserServiceSlackerBinding.GET_USER,
      SlackerUserServiceSlackerBinding.LIST_USER);

  private CodecCost() {
  }

  public static void main(String[] args) throws IOException {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Serializer serializer = Serializers.get().byName(args.length > 2 ? args[2] : "smile");
    Object[][] requests = new Object[Operation.values().length * Operation.KEY_COUNT][];
    Object[] responses = new Object[requests.length];
    for (Operation operation : Operation.values()) {
      for (int key = 0; key < Operation.KEY_COUNT; key++) {
        int at = operation.ordinal() * Operation.KEY_COUNT + key;
        requests[at] = new Object[]{argument(operation, key)};
        responses[at] = operation.expected(key);
      }
    }
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    System.out.printf("%s, %d rounds of %.1f s, all four operations in turn%n", serializer.name(), rounds, seconds);
    for (int round = 0; round <= rounds; round++) {
      long calls = 0;
      long allocatedBefore = threads.getThreadAllocatedBytes(thread);
      long cpuBefore = threads.getThreadCpuTime(thread);
      long deadline = System.nanoTime() + (long) (seconds * 1e9);
      while (System.nanoTime() < deadline) {
        for (int i = 0; i < 256; i++, calls++) {
          int at = (int) ((calls * 65) % requests.length);
          oneCall(serializer, METHODS.get(at / Operation.KEY_COUNT), requests[at], responses[at]);
        }
      }
      double nanos = (threads.getThreadCpuTime(thread) - cpuBefore) / (double) calls;
      double bytes = (threads.getThreadAllocatedBytes(thread) - allocatedBefore) / (double) calls;
      System.out.printf("%s: %,.0f ns and %,.0f B per call (client and server payload work together)%n",
          round == 0 ? "warm-up" : "round " + round, nanos, bytes);
    }
  }

  private static Object argument(Operation operation, int key) {
    return switch (operation) {
      case EXIST_USER -> Users.email(key);
      case CREATE_USER -> Users.user(key);
      case GET_USER -> (long) key;
      case LIST_USER -> key;
    };
  }

  /** Request written and read, response written and read, each through a buffer as a frame would hold it. */
  private static void oneCall(Serializer serializer, MethodDescriptor method, Object[] request, Object response)
      throws IOException {
    Buffer requestFrame = Buffer.buffer(64).appendInt(0);
    serializer.writeValues(requestFrame, request, method.parameterTypes());
    Object[] decoded = serializer.readValues(requestFrame, 4, requestFrame.length(), method.parameterTypes());
    if (decoded.length != request.length) {
      throw new AssertionError();
    }
    Buffer responseFrame = Buffer.buffer(64).appendInt(0);
    serializer.writeValue(responseFrame, response, method.returnType());
    Object result = serializer.readValue(responseFrame, 4, responseFrame.length(), method.returnType());
    if (result == null) {
      throw new AssertionError();
    }
  }
}
