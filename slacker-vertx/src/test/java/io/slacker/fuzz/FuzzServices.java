package io.slacker.fuzz;

import io.slacker.MethodDescriptor;
import io.slacker.ServiceDefinition;
import io.vertx.core.Future;

import java.lang.management.ManagementFactory;
import java.util.List;

/** What a fuzzed server offers besides {@link io.slacker.test.EchoServices}: its heap, and a sink for large payloads. */
final class FuzzServices {

  static final String NAME = "fuzz.Server";
  /** Runs a full GC, on a worker, and answers the used heap in bytes. */
  static final MethodDescriptor HEAP_AFTER_GC = MethodDescriptor.builder(NAME, "heapAfterGc")
      .returnType(Long.class).blocking(true).build();
  /** Answers the size of the list it is sent: a large valid request with a small answer. */
  static final MethodDescriptor SIZE = MethodDescriptor.builder(NAME, "size")
      .parameterTypes(List.class).returnType(Integer.class).build();

  private FuzzServices() {
  }

  static ServiceDefinition definition() {
    return ServiceDefinition.builder(NAME)
        .method(HEAP_AFTER_GC, args -> Future.succeededFuture(heapAfterGc()))
        .method(SIZE, args -> Future.succeededFuture(((List<?>) args[0]).size()))
        .build();
  }

  static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
