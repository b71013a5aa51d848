package io.slacker.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.ServerCall;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerException;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.cluster.ClusterClientOptions;
import io.slacker.cluster.GroupResult;
import io.slacker.cluster.Grouping;
import io.slacker.cluster.StaticDiscovery;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.slacker.tracing.SpanTree.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slacker's spans as OpenTelemetry records them through vertx-opentelemetry: one trace across
 * services A → B → C, their kinds, links and attributes, failures, group calls, retries, and policy.
 */
class TracingTest {

  private static final MethodDescriptor A_HOP = hop("test.A");
  private static final MethodDescriptor B_HOP = hop("test.B");
  private static final MethodDescriptor C_HOP = hop("test.C");
  private static final MethodDescriptor C_FAIL = MethodDescriptor.builder("test.C", "fail")
      .parameterTypes(String.class).returnType(String.class).build();
  private static final MethodDescriptor C_NEVER = MethodDescriptor.builder("test.C", "never")
      .parameterTypes(String.class).returnType(String.class).build();

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
      .build();
  private final List<String> metadataKeysAtC = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private SlackerClient client;

  @BeforeEach
  void setUp() {
    vertx = Vertx.builder().with(TestVertx.options()).withTracer(new OpenTelemetryTracingFactory(openTelemetry)).build();
    client = SlackerClient.create(vertx);
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    openTelemetry.close();
  }

  @Test
  void aChainOfThreeServicesIsOneTrace() throws Exception {
    SocketAddress c = listen(serviceC());
    SocketAddress b = listen(forwarding(B_HOP, C_HOP, c));
    SocketAddress a = listen(forwarding(A_HOP, B_HOP, b));

    AsyncResult<Object> answer = underParent(() -> client.call(A_HOP, new Object[] {"x"}, new CallOptions().setServer(a)));

    assertEquals("x>A>B>C", answer.result());
    SpanTree tree = spans(7);
    System.out.println("The trace of one call to A, which calls B, which calls C:\n" + tree.print());
    SpanData parent = parent(tree);
    assertTrue(tree.all().stream().allMatch(span -> span.getTraceId().equals(parent.getTraceId())), "one trace");
    SpanData clientA = tree.onlyChild(parent, SpanKind.CLIENT);
    SpanData serverA = tree.onlyChild(clientA, SpanKind.SERVER);
    SpanData clientB = tree.onlyChild(serverA, SpanKind.CLIENT);
    SpanData serverB = tree.onlyChild(clientB, SpanKind.SERVER);
    SpanData clientC = tree.onlyChild(serverB, SpanKind.CLIENT);
    SpanData serverC = tree.onlyChild(clientC, SpanKind.SERVER);
    assertTrue(tree.children(serverC).isEmpty());
    assertTrue(metadataKeysAtC.contains("traceparent"), metadataKeysAtC.toString());

    assertEquals("test.A/hop", clientA.getName());
    assertEquals("test.C/hop", serverC.getName());
    assertEquals("slacker", attribute(clientB, "rpc.system"));
    assertEquals("test.B", attribute(clientB, "rpc.service"));
    assertEquals("hop", attribute(clientB, "rpc.method"));
    assertEquals("127.0.0.1", attribute(clientB, "server.address"));
    assertEquals(Integer.toString(b.port()), attribute(clientB, "server.port"));
    assertEquals("OK", attribute(clientB, "rpc.slacker.status_code"));
    assertEquals("test.B", attribute(serverB, "rpc.service"));
    assertEquals("hop", attribute(serverB, "rpc.method"));
    assertEquals("127.0.0.1", attribute(serverB, "client.address"));
    assertEquals("OK", attribute(serverB, "rpc.slacker.status_code"));
    for (SpanData span : List.of(clientA, serverA, clientB, serverB, clientC, serverC)) {
      assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode(), span.getName());
    }
  }

  @Test
  void theCallsOfABlockingMethodJoinItsServerSpan() throws Exception {
    SocketAddress c = listen(serviceC());
    MethodDescriptor blockingHop = MethodDescriptor.builder("test.B", "hop")
        .parameterTypes(String.class).returnType(String.class).blocking(true).build();
    SocketAddress b = listen(forwarding(blockingHop, C_HOP, c));

    AsyncResult<Object> answer = underParent(() -> client.call(B_HOP, new Object[] {"x"}, new CallOptions().setServer(b)));

    assertEquals("x>B>C", answer.result());
    SpanTree tree = spans(5);
    SpanData serverB = tree.onlyChild(tree.onlyChild(parent(tree), SpanKind.CLIENT), SpanKind.SERVER);
    tree.onlyChild(tree.onlyChild(serverB, SpanKind.CLIENT), SpanKind.SERVER);
  }

  @Test
  void aFailedCallHasTheErrorStatusAndItsCode() throws Exception {
    SocketAddress c = listen(serviceC());

    AsyncResult<Object> answer = underParent(() -> client.call(C_FAIL, new Object[] {"x"}, new CallOptions().setServer(c)));

    assertEquals(io.slacker.StatusCode.INVALID_ARGUMENT, ((SlackerException) answer.cause()).code());
    SpanTree tree = spans(3);
    SpanData clientC = tree.onlyChild(parent(tree), SpanKind.CLIENT);
    SpanData serverC = tree.onlyChild(clientC, SpanKind.SERVER);
    for (SpanData span : List.of(clientC, serverC)) {
      assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode(), span.getName());
      assertEquals("INVALID_ARGUMENT", attribute(span, "rpc.slacker.status_code"));
      assertEquals("INVALID_ARGUMENT", attribute(span, "error.type"));
      assertEquals("exception", span.getEvents().get(0).getName());
    }
  }

  @Test
  void aServerSpanEndsWhenItsCallExpires() throws Exception {
    SocketAddress c = listen(serviceC());

    AsyncResult<Object> answer = underParent(() -> client.call(C_NEVER, new Object[] {"x"},
        new CallOptions().setServer(c).setTimeoutMillis(200)));

    assertEquals(io.slacker.StatusCode.DEADLINE_EXCEEDED, ((SlackerException) answer.cause()).code());
    SpanTree tree = spans(3);
    SpanData clientC = tree.onlyChild(parent(tree), SpanKind.CLIENT);
    SpanData serverC = tree.onlyChild(clientC, SpanKind.SERVER);
    assertEquals("DEADLINE_EXCEEDED", attribute(clientC, "rpc.slacker.status_code"));
    assertEquals(StatusCode.ERROR, serverC.getStatus().getStatusCode());
    // The server's own timer and the client's CANCEL race: either ends the call, and its span.
    assertTrue(List.of("DEADLINE_EXCEEDED", "CANCELLED").contains(attribute(serverC, "rpc.slacker.status_code")),
        tree.print());
  }

  @Test
  void aGroupCallIsOneSpanWithAChildPerServer() throws Exception {
    SocketAddress c1 = listen(serviceC());
    SocketAddress c2 = listen(serviceC());

    AsyncResult<GroupResult<Object>> answer = underParent(
        () -> client.group(C_HOP, new Object[] {"x"}, Grouping.servers(List.of(c1, c2)), null));

    assertEquals(List.of("x>C", "x>C"), answer.result().values());
    SpanTree tree = spans(6);
    System.out.println("The trace of a group call to two servers:\n" + tree.print());
    SpanData group = tree.children(parent(tree)).get(0);
    assertEquals(1, tree.children(parent(tree)).size());
    assertEquals("test.C/hop", group.getName());
    assertEquals("list", attribute(group, "rpc.slacker.grouping"));
    List<SpanData> perServer = tree.children(group);
    assertEquals(2, perServer.size());
    assertEquals(Stream.of(c1, c2).map(server -> Integer.toString(server.port())).sorted().toList(),
        perServer.stream().map(span -> attribute(span, "server.port")).sorted().toList());
    for (SpanData attempt : perServer) {
      assertEquals(SpanKind.CLIENT, attempt.getKind());
      tree.onlyChild(attempt, SpanKind.SERVER);
    }
  }

  @Test
  void aRetriedCallShowsEachAttempt() throws Exception {
    SocketAddress dead = SocketAddress.inetSocketAddress(freePort(), "127.0.0.1");
    SocketAddress live = listen(serviceC());
    StaticDiscovery discovery = StaticDiscovery.create(vertx, new JsonObject().put("test.C", new JsonArray()
        .add("127.0.0.1:" + dead.port()).add("127.0.0.1:" + live.port())));
    SlackerClient routed = SlackerClient.create(vertx, new SlackerClientOptions()
        .setCluster(new ClusterClientOptions().setLoadBalancer(PreferredServerBalancer.NAME)), discovery);
    PreferredServerBalancer.preferred = dead;

    AsyncResult<Object> answer = underParent(() -> routed.call(C_HOP, new Object[] {"x"}, new CallOptions()));

    assertEquals("x>C", answer.result());
    SpanTree tree = spans(4);
    List<SpanData> attempts = tree.children(parent(tree));
    assertEquals(2, attempts.size(), tree.print());
    SpanData refused = attempts.get(0);
    SpanData answered = attempts.get(1);
    assertEquals(Integer.toString(dead.port()), attribute(refused, "server.port"));
    assertEquals(StatusCode.ERROR, refused.getStatus().getStatusCode());
    assertEquals("UNAVAILABLE", attribute(refused, "rpc.slacker.status_code"));
    assertTrue(tree.children(refused).isEmpty());
    assertEquals(Integer.toString(live.port()), attribute(answered, "server.port"));
    assertEquals("OK", attribute(answered, "rpc.slacker.status_code"));
    tree.onlyChild(answered, SpanKind.SERVER);
  }

  @Test
  void aClientThatIgnoresTracingReportsNothingAndPropagatesNothing() throws Exception {
    SocketAddress c = listen(serviceC());
    SlackerClient ignoring = SlackerClient.create(vertx, new SlackerClientOptions().setTracingPolicy(TracingPolicy.IGNORE));

    AsyncResult<Object> answer = underParent(() -> ignoring.call(C_HOP, new Object[] {"x"}, new CallOptions().setServer(c)));

    assertEquals("x>C", answer.result());
    SpanTree tree = spans(1);
    assertEquals("test", tree.all().get(0).getName());
  }

  private static MethodDescriptor hop(String service) {
    return MethodDescriptor.builder(service, "hop").parameterTypes(String.class).returnType(String.class).build();
  }

  private ServiceDefinition serviceC() {
    return ServiceDefinition.builder("test.C")
        .method(C_HOP, args -> {
          metadataKeysAtC.addAll(ServerCall.current().metadata().keys());
          return Future.succeededFuture(args[0] + ">C");
        })
        .method(C_FAIL, args -> Future.failedFuture(
            new SlackerException(io.slacker.StatusCode.INVALID_ARGUMENT, "no: " + args[0])))
        .method(C_NEVER, args -> Promise.promise().future())
        .build();
  }

  /** A service whose method adds its name and calls {@code next} at {@code to}, through the shared client. */
  private ServiceDefinition forwarding(MethodDescriptor method, MethodDescriptor next, SocketAddress to) {
    String name = method.serviceName().substring("test.".length());
    return ServiceDefinition.builder(method.serviceName())
        .method(method, args -> client.call(next, new Object[] {args[0] + ">" + name}, new CallOptions().setServer(to)))
        .build();
  }

  private SocketAddress listen(ServiceDefinition service) throws Exception {
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(service);
    server.listen().await(10, TimeUnit.SECONDS);
    return SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
  }

  /**
   * Makes the call on a Vert.x context under a span named "test", as code inside a traced request
   * would, and waits for its outcome; the span ends after it.
   */
  private <T> AsyncResult<T> underParent(Supplier<Future<T>> call) throws Exception {
    ContextInternal context = ((VertxInternal) vertx).createEventLoopContext().duplicate();
    Span parent = openTelemetry.getTracer("slacker-test").spanBuilder("test").startSpan();
    Promise<T> outcome = Promise.promise();
    context.runOnContext(v -> {
      try (Scope scope = parent.makeCurrent()) {
        call.get().onComplete(outcome);
      }
    });
    Future<T> done = outcome.future();
    try {
      done.transform(ar -> Future.succeededFuture()).await(10, TimeUnit.SECONDS);
    } finally {
      parent.end();
    }
    return done;
  }

  /** Waits for {@code count} spans: a server span ends as its answer is written, maybe after the caller has it. */
  private SpanTree spans(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (exporter.getFinishedSpanItems().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(50);
    List<SpanData> spans = exporter.getFinishedSpanItems();
    SpanTree tree = new SpanTree(spans);
    assertEquals(count, spans.size(), tree.print());
    return tree;
  }

  private static SpanData parent(SpanTree tree) {
    return tree.all().stream().filter(span -> span.getName().equals("test")).findFirst().orElseThrow();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
