package io.slacker.tracing;

import brave.Span;
import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.ServerCall;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerException;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.StatusCode;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.tracing.zipkin.ZipkinTracerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same spans through vertx-zipkin, unchanged: B3 context in the metadata, one trace from a
 * client through A to B, and a failed client span marked with its error.
 */
class ZipkinTracingTest {

  private static final MethodDescriptor A_HOP = MethodDescriptor.builder("test.A", "hop")
      .parameterTypes(String.class).returnType(String.class).build();
  private static final MethodDescriptor B_HOP = MethodDescriptor.builder("test.B", "hop")
      .parameterTypes(String.class).returnType(String.class).build();
  private static final MethodDescriptor B_FAIL = MethodDescriptor.builder("test.B", "fail")
      .parameterTypes(String.class).returnType(String.class).build();

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private final List<MutableSpan> spans = new CopyOnWriteArrayList<>();
  private final Tracing tracing = Tracing.newBuilder().localServiceName("slacker-test").addSpanHandler(new SpanHandler() {
    @Override
    public boolean end(TraceContext context, MutableSpan span, Cause cause) {
      spans.add(span);
      return true;
    }
  }).build();
  private Vertx vertx;
  private SlackerClient client;

  @BeforeEach
  void setUp() {
    vertx = Vertx.builder().with(TestVertx.options()).withTracer(new ZipkinTracerFactory(tracing)).build();
    // Zipkin's tracer keeps its current span where a test cannot set it: the first call starts the trace.
    client = SlackerClient.create(vertx, new SlackerClientOptions().setTracingPolicy(TracingPolicy.ALWAYS));
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    tracing.close();
  }

  @Test
  void aCallThroughAToBIsOneTrace() throws Exception {
    List<String> keysAtB = new CopyOnWriteArrayList<>();
    SocketAddress b = listen(ServiceDefinition.builder("test.B")
        .method(B_HOP, args -> {
          keysAtB.addAll(ServerCall.current().metadata().keys());
          return Future.succeededFuture(args[0] + ">B");
        })
        .build());
    SlackerClient propagating = SlackerClient.create(vertx);
    SocketAddress a = listen(ServiceDefinition.builder("test.A")
        .method(A_HOP, args -> propagating.call(B_HOP, new Object[] {args[0] + ">A"}, new CallOptions().setServer(b)))
        .build());

    assertEquals("x>A>B", client.call(A_HOP, new Object[] {"x"}, new CallOptions().setServer(a)).await(10, TimeUnit.SECONDS));

    awaitSpans(4);
    MutableSpan clientA = only(Span.Kind.CLIENT, "test.A/hop");
    MutableSpan serverA = only(Span.Kind.SERVER, "test.A/hop");
    MutableSpan clientB = only(Span.Kind.CLIENT, "test.B/hop");
    MutableSpan serverB = only(Span.Kind.SERVER, "test.B/hop");
    for (MutableSpan span : List.of(serverA, clientB, serverB)) {
      assertEquals(clientA.traceId(), span.traceId(), span.name());
    }
    // Zipkin joins the server side to its client's span (shared span ids) unless told not to.
    assertEquals(clientA.id(), serverA.id());
    assertEquals(serverA.id(), clientB.parentId());
    assertEquals(clientB.id(), serverB.id());
    assertTrue(keysAtB.containsAll(List.of("X-B3-TraceId", "X-B3-SpanId", "X-B3-Sampled")), keysAtB.toString());
  }

  @Test
  void aFailedCallMarksTheClientSpan() throws Exception {
    SocketAddress b = listen(ServiceDefinition.builder("test.B")
        .method(B_FAIL, args -> Future.failedFuture(new SlackerException(StatusCode.INVALID_ARGUMENT, "no")))
        .build());

    assertThrows(SlackerException.class,
        () -> client.call(B_FAIL, new Object[] {"x"}, new CallOptions().setServer(b)).await(10, TimeUnit.SECONDS));

    awaitSpans(2);
    assertNotNull(only(Span.Kind.CLIENT, "test.B/fail").error());
  }

  private MutableSpan only(Span.Kind kind, String name) {
    List<MutableSpan> found = spans.stream().filter(span -> span.kind() == kind && name.equals(span.name())).toList();
    assertEquals(1, found.size(), kind + " " + name + " in " + spans);
    return found.get(0);
  }

  private void awaitSpans(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (spans.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(50);
    assertEquals(count, spans.size(), spans.toString());
  }

  private SocketAddress listen(ServiceDefinition service) throws Exception {
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(service);
    server.listen().await(10, TimeUnit.SECONDS);
    return SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
  }
}
