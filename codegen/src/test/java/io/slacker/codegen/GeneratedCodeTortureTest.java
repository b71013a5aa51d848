package io.slacker.codegen;

import io.slacker.CallOptions;
import io.slacker.ServiceDefinition;
import io.slacker.ServiceIds;
import io.slacker.SlackerClient;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.spi.ServiceBinding;
import io.slacker.spi.ServiceIndex;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Legal service interfaces a user could write, each compiled on its own through the processor:
 * the generated code must compile without warnings and, called through a real server in every
 * format, return what was sent. Each case has a {@code Check} class compiled with it, whose
 * {@code check(proxy)} makes the calls and compares with {@link Expect}.
 */
class GeneratedCodeTortureTest {

  private static final List<String> FORMATS = List.of("json", "smile", "cbor");

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static Vertx vertx;
  private static SlackerClient client;

  @BeforeAll
  static void start() {
    vertx = TestVertx.create();
    client = SlackerClient.create(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    client.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void polymorphicValuesInsideCollectionsKeepTheirTypeIds() throws Exception {
    roundTrip(Compilation.compile(Map.of(
        "com.acme.Shapes", """
            package com.acme;

            import com.fasterxml.jackson.annotation.JsonSubTypes;
            import com.fasterxml.jackson.annotation.JsonTypeInfo;
            import io.slacker.annotations.SlackerService;
            import io.vertx.core.Future;
            import java.util.List;
            import java.util.Map;

            @SlackerService
            public interface Shapes {
              @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
              @JsonSubTypes({@JsonSubTypes.Type(value = Circle.class, name = "circle"),
                  @JsonSubTypes.Type(value = Square.class, name = "square")})
              sealed interface Shape permits Circle, Square {}
              record Circle(double radius) implements Shape {}
              record Square(double side) implements Shape {}
              record Drawing(String name, List<Shape> shapes, Map<String, Shape> byName) {}

              Future<List<Shape>> all(List<Shape> shapes);
              Future<Shape> one(Shape shape);
              Future<Drawing> drawing(Drawing drawing);
              Future<Map<String, List<Shape>>> grouped(Map<String, List<Shape>> groups);
            }
            """,
        "com.acme.ShapesImpl", """
            package com.acme;

            import io.vertx.core.Future;
            import java.util.List;
            import java.util.Map;

            public class ShapesImpl implements Shapes {
              public Future<List<Shape>> all(List<Shape> shapes) { return Future.succeededFuture(shapes); }
              public Future<Shape> one(Shape shape) { return Future.succeededFuture(shape); }
              public Future<Drawing> drawing(Drawing drawing) { return Future.succeededFuture(drawing); }
              public Future<Map<String, List<Shape>>> grouped(Map<String, List<Shape>> groups) {
                return Future.succeededFuture(groups);
              }
            }
            """,
        "com.acme.Check", """
            package com.acme;

            import com.acme.Shapes.*;
            import io.slacker.codegen.Expect;
            import io.vertx.core.Future;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Map;

            public class Check {
              public static Future<?> check(Shapes proxy) {
                List<Shape> shapes = new ArrayList<>(List.of(new Circle(1.5), new Square(-2)));
                Drawing drawing = new Drawing("d", shapes, Map.of("c", new Circle(0)));
                Map<String, List<Shape>> groups = Map.of("round", List.of(new Circle(3)), "none", List.of());
                return proxy.all(shapes).map(back -> Expect.equal(shapes, back))
                    .compose(x -> proxy.one(new Square(4))).map(back -> Expect.equal(new Square(4), back))
                    .compose(x -> proxy.drawing(drawing)).map(back -> Expect.equal(drawing, back))
                    .compose(x -> proxy.grouped(groups)).map(back -> Expect.equal(groups, back));
              }
            }
            """)), "com.acme.Shapes", "com.acme.ShapesImpl");
  }

  @Test
  void aTypeIdDeclaredOnASupertypeServesTheSubtypesItLists() throws Exception {
    roundTrip(Compilation.compile(Map.of(
        "com.acme.Typed", """
            package com.acme;
            @com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME)
            public interface Typed {}
            """,
        "com.acme.Pets", """
            package com.acme;

            import com.fasterxml.jackson.annotation.JsonSubTypes;
            import io.vertx.core.Future;
            import java.util.List;

            @io.slacker.annotations.SlackerService
            public interface Pets {
              @JsonSubTypes({@JsonSubTypes.Type(value = Cat.class, name = "cat"), @JsonSubTypes.Type(value = Dog.class, name = "dog")})
              interface Pet extends Typed {}
              record Cat(String name) implements Pet {}
              record Dog(String name, boolean good) implements Pet {}

              Future<List<Pet>> pets(List<Pet> pets);
            }
            """,
        "com.acme.PetsImpl", """
            package com.acme;
            import io.vertx.core.Future;
            import java.util.List;
            public class PetsImpl implements Pets {
              public Future<List<Pet>> pets(List<Pet> pets) { return Future.succeededFuture(pets); }
            }
            """,
        "com.acme.Check", """
            package com.acme;
            import io.slacker.codegen.Expect;
            import java.util.List;
            public class Check {
              public static io.vertx.core.Future<?> check(Pets proxy) {
                List<Pets.Pet> pets = List.of(new Pets.Cat("Tom"), new Pets.Dog("Rex", true));
                return proxy.pets(pets).map(back -> Expect.equal(pets, back));
              }
            }
            """)), "com.acme.Pets", "com.acme.PetsImpl");
  }

  @Test
  void javaTimeValuesAtTheirEdgesKeepTheirValue() throws Exception {
    roundTrip(Compilation.compile(Map.of(
        "com.acme.Times", """
            package com.acme;

            import io.slacker.annotations.SlackerService;
            import io.vertx.core.Future;
            import java.time.*;
            import java.util.List;

            @SlackerService
            public interface Times {
              Future<Duration> duration(Duration value);
              Future<Instant> instant(Instant value);
              Future<OffsetDateTime> offsetDateTime(OffsetDateTime value);
              Future<ZoneId> zone(ZoneId value);
              Future<List<Duration>> durations(List<Duration> values);
            }
            """,
        "com.acme.TimesImpl", """
            package com.acme;

            import io.vertx.core.Future;
            import java.time.*;
            import java.util.List;

            public class TimesImpl implements Times {
              public Future<Duration> duration(Duration value) { return Future.succeededFuture(value); }
              public Future<Instant> instant(Instant value) { return Future.succeededFuture(value); }
              public Future<OffsetDateTime> offsetDateTime(OffsetDateTime value) { return Future.succeededFuture(value); }
              public Future<ZoneId> zone(ZoneId value) { return Future.succeededFuture(value); }
              public Future<List<Duration>> durations(List<Duration> values) { return Future.succeededFuture(values); }
            }
            """,
        "com.acme.Check", """
            package com.acme;

            import io.slacker.codegen.Expect;
            import io.vertx.core.Future;
            import java.time.*;
            import java.util.List;

            public class Check {
              public static Future<?> check(Times proxy) {
                List<Duration> durations = List.of(Duration.ofSeconds(-5, 123_456_789), Duration.ofNanos(-1), Duration.ZERO,
                    Duration.ofSeconds(Long.MIN_VALUE), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
                Future<?> chain = proxy.durations(durations).map(back -> Expect.equal(durations, back));
                for (Duration value : durations) {
                  chain = chain.compose(x -> proxy.duration(value)).map(back -> Expect.equal(value, back));
                }
                for (Instant value : List.of(Instant.ofEpochSecond(-5, 123_456_789), Instant.MIN, Instant.MAX, Instant.EPOCH)) {
                  chain = chain.compose(x -> proxy.instant(value)).map(back -> Expect.equal(value, back));
                }
                for (OffsetDateTime value : List.of(OffsetDateTime.MIN, OffsetDateTime.MAX)) {
                  chain = chain.compose(x -> proxy.offsetDateTime(value)).map(back -> Expect.equal(value, back));
                }
                for (ZoneId value : List.of(ZoneId.of("Europe/Paris"), ZoneOffset.ofHours(-3), ZoneId.of("UTC"))) {
                  chain = chain.compose(x -> proxy.zone(value)).map(back -> Expect.equal(value, back));
                }
                return chain;
              }
            }
            """)), "com.acme.Times", "com.acme.TimesImpl");
  }

  @Test
  void aMethodInheritedFromTwoParentsIsOneMethod() throws Exception {
    Compilation compilation = Compilation.compile(Map.of(
        "com.acme.Pinger", """
            package com.acme;
            public interface Pinger {
              io.vertx.core.Future<String> ping();
            }
            """,
        "com.acme.Checker", """
            package com.acme;
            public interface Checker {
              io.vertx.core.Future<String> ping();
              io.vertx.core.Future<Integer> check(String what);
            }
            """,
        "com.acme.Health", """
            package com.acme;
            @io.slacker.annotations.SlackerService
            public interface Health extends Pinger, Checker {
            }
            """,
        "com.acme.HealthImpl", """
            package com.acme;
            import io.vertx.core.Future;
            public class HealthImpl implements Health {
              public Future<String> ping() { return Future.succeededFuture("pong"); }
              public Future<Integer> check(String what) { return Future.succeededFuture(what.length()); }
            }
            """,
        "com.acme.Check", """
            package com.acme;
            import io.slacker.codegen.Expect;
            import io.vertx.core.Future;
            public class Check {
              public static Future<?> check(Health proxy) {
                return proxy.ping().map(back -> Expect.equal("pong", back))
                    .compose(x -> proxy.check("four")).map(back -> Expect.equal(4, back));
              }
            }
            """));
    roundTrip(compilation, "com.acme.Health", "com.acme.HealthImpl");
  }

  @Test
  void typeAnnotationsDoNotChangeSignatures() throws Exception {
    Compilation compilation = Compilation.compile(Map.of(
        "com.acme.Positive", """
            package com.acme;
            @java.lang.annotation.Target({java.lang.annotation.ElementType.TYPE_USE, java.lang.annotation.ElementType.PARAMETER})
            public @interface Positive {}
            """,
        "com.acme.Limits", """
            package com.acme;
            import io.vertx.core.Future;
            import java.util.List;
            @io.slacker.annotations.SlackerService
            public interface Limits {
              Future<@Positive Integer> f(@Positive int x, @Positive String s, List<@Positive String> l, @Positive int @Positive [] a);
              Future<Integer> g(@Positive long x);
              Future<Integer> g(@Positive int x);
            }
            """,
        "com.acme.LimitsImpl", """
            package com.acme;
            import io.vertx.core.Future;
            import java.util.List;
            public class LimitsImpl implements Limits {
              public Future<Integer> f(int x, String s, List<String> l, int[] a) { return Future.succeededFuture(x + s.length() + l.size() + a.length); }
              public Future<Integer> g(long x) { return Future.succeededFuture(64); }
              public Future<Integer> g(int x) { return Future.succeededFuture(32); }
            }
            """,
        "com.acme.Check", """
            package com.acme;
            import io.slacker.codegen.Expect;
            import io.vertx.core.Future;
            import java.util.List;
            public class Check {
              public static Future<?> check(Limits proxy) {
                return proxy.f(1, "ab", List.of("c"), new int[] {1, 2}).map(back -> Expect.equal(6, back))
                    .compose(x -> proxy.g(1L)).map(back -> Expect.equal(64, back))
                    .compose(x -> proxy.g(1)).map(back -> Expect.equal(32, back));
              }
            }
            """));
    String binding = compilation.generated("com/acme/LimitsSlackerBinding.java");
    for (String signature : List.of("f(int,java.lang.String,java.util.List,[I)", "g(long)", "g(int)")) {
      assertTrue(binding.contains(".signature(\"" + signature + "\")"), binding);
      assertTrue(binding.contains(String.format("method id 0x%08x", ServiceIds.methodId(signature))), binding);
    }
    assertTrue(binding.contains("static final MethodDescriptor G_LONG ="), binding);
    roundTrip(compilation, "com.acme.Limits", "com.acme.LimitsImpl");
  }

  @Test
  void objectMethodsRedeclaredInTheServiceStayLocal() throws Exception {
    roundTrip(Compilation.compile(Map.of(
        "com.acme.Named", """
            package com.acme;
            @io.slacker.annotations.SlackerService
            public interface Named {
              io.vertx.core.Future<String> name();
              @Override int hashCode();
              @Override boolean equals(Object other);
              @Override String toString();
            }
            """,
        "com.acme.NamedImpl", """
            package com.acme;
            public class NamedImpl implements Named {
              public io.vertx.core.Future<String> name() { return io.vertx.core.Future.succeededFuture("n"); }
              @Override public String toString() { return "the implementation"; }
            }
            """,
        "com.acme.Check", """
            package com.acme;
            import io.slacker.codegen.Expect;
            public class Check {
              public static io.vertx.core.Future<?> check(Named proxy) {
                Expect.equal(true, proxy.equals(proxy));
                Expect.equal(false, proxy.toString().equals("the implementation"));
                Expect.equal(System.identityHashCode(proxy), proxy.hashCode());
                return proxy.name().map(back -> Expect.equal("n", back));
              }
            }
            """)), "com.acme.Named", "com.acme.NamedImpl");
  }

  @Test
  void closingAProxyClosesItAndNothingOnTheServer() throws Exception {
    roundTrip(Compilation.compile(Map.of(
        "com.acme.Session", """
            package com.acme;
            @io.slacker.annotations.SlackerService
            public interface Session extends AutoCloseable {
              io.vertx.core.Future<Integer> closes();
            }
            """,
        "com.acme.SessionImpl", """
            package com.acme;
            public class SessionImpl implements Session {
              private int closes;
              public io.vertx.core.Future<Integer> closes() { return io.vertx.core.Future.succeededFuture(closes); }
              @Override public void close() { closes++; }
            }
            """,
        "com.acme.Check", """
            package com.acme;
            import io.slacker.codegen.Expect;
            public class Check {
              // Each serialization's proxy is new: the server's instance was closed by none of the earlier ones.
              public static io.vertx.core.Future<?> check(Session proxy) throws Exception {
                Expect.equal(0, proxy.closes().await());
                try (Session session = proxy) {
                  Expect.equal(proxy, session);
                }
                return proxy.closes().transform(after -> io.vertx.core.Future.succeededFuture(
                    Expect.equal("Proxy is closed", after.cause().getMessage())));
              }
            }
            """)), "com.acme.Session", "com.acme.SessionImpl");
    roundTrip(Compilation.compile(Map.of(
        "com.acme.Channel", """
            package com.acme;
            import io.vertx.codegen.annotations.ProxyClose;
            import io.vertx.core.Future;
            @io.slacker.annotations.SlackerService
            public interface Channel {
              Future<Integer> closes();
              @ProxyClose void close();
              @ProxyClose Future<Void> shutdown();
            }
            """,
        "com.acme.ChannelImpl", """
            package com.acme;
            import io.vertx.core.Future;
            public class ChannelImpl implements Channel {
              private int closes;
              public Future<Integer> closes() { return Future.succeededFuture(closes); }
              public void close() { closes++; }
              public Future<Void> shutdown() { closes++; return Future.succeededFuture(); }
            }
            """,
        "com.acme.Check", """
            package com.acme;
            import io.slacker.codegen.Expect;
            public class Check {
              public static io.vertx.core.Future<?> check(Channel proxy) {
                Expect.equal(0, proxy.closes().await());
                return proxy.shutdown().compose(x -> proxy.closes()).transform(after -> io.vertx.core.Future.succeededFuture(
                    Expect.equal("Proxy is closed", after.cause().getMessage())));
              }
            }
            """)), "com.acme.Channel", "com.acme.ChannelImpl");
  }

  @Test
  void userTypeNamesDoNotShadowTheGeneratedCode() throws Exception {
    String serviceName = "odd\\nname \\\"quoted\\\" \\\\ tab\\t nul\\0 del\\177 \\u00fc\\u20ac\\ud83d\\ude00 */ \\\\u000a";
    Compilation compilation = Compilation.compile(Map.of(
        "com.acme.Override", "package com.acme;\npublic record Override(String value) {}\n",
        "com.acme.Object", "package com.acme;\npublic record Object(int n) {}\n",
        "com.acme.Future", "package com.acme;\npublic record Future(long at) {}\n",
        "com.other.Class", "package com.other;\npublic record Class(java.lang.String name) {}\n",
        "com.other.String", "package com.other;\npublic record String(int length) {}\n",
        "com.acme.Names", """
            package com.acme;

            import io.vertx.codegen.annotations.DataObject;
            import io.vertx.core.json.JsonObject;
            import java.util.List;

            @io.slacker.annotations.SlackerService(name = "%s")
            public interface Names {
              record CallOptions(int timeout) {}
              record SlackerClient(java.lang.String host) {}
              record MethodDescriptor(java.lang.String name) {}

              @DataObject
              class Settings {
                public final java.lang.String value;
                public Settings(JsonObject json) { this.value = json.getString("value"); }
                public Settings(java.lang.String value) { this.value = value; }
                public JsonObject toJson() { return new JsonObject().put("value", value); }
              }

              io.vertx.core.Future<Override> override(Override override, com.other.Class type, com.other.String string);
              io.vertx.core.Future<Object> object(Object object, Future future);
              io.vertx.core.Future<CallOptions> options(CallOptions options, SlackerClient client, MethodDescriptor defaults);
              io.vertx.core.Future<Settings> settings(Settings json, java.lang.String wireResult, int NamesSlackerBinding);
              io.vertx.core.Future<List<Settings>> many(List<Settings> DataObjectCollections, java.lang.String io,
                  java.lang.String com, java.lang.String java, java.lang.String Settings, java.lang.String json_);
            }
            """.formatted(serviceName),
        "com.acme.NamesImpl", """
            package com.acme;

            import java.util.List;

            public class NamesImpl implements Names {
              public io.vertx.core.Future<Override> override(Override override, com.other.Class type, com.other.String string) {
                return io.vertx.core.Future.succeededFuture(new Override(override.value() + type.name() + string.length()));
              }
              public io.vertx.core.Future<Object> object(Object object, Future future) {
                return io.vertx.core.Future.succeededFuture(new Object(object.n() + (int) future.at()));
              }
              public io.vertx.core.Future<CallOptions> options(CallOptions options, SlackerClient client, MethodDescriptor defaults) {
                return io.vertx.core.Future.succeededFuture(new CallOptions(options.timeout() + client.host().length()
                    + defaults.name().length()));
              }
              public io.vertx.core.Future<Settings> settings(Settings json, java.lang.String wireResult, int NamesSlackerBinding) {
                return io.vertx.core.Future.succeededFuture(new Settings(json.value + wireResult + NamesSlackerBinding));
              }
              public io.vertx.core.Future<List<Settings>> many(List<Settings> DataObjectCollections, java.lang.String io,
                  java.lang.String com, java.lang.String java, java.lang.String Settings, java.lang.String json_) {
                String joined = DataObjectCollections.get(0).value + io + com + java + Settings + json_;
                return succeeded(List.of(new Settings(joined)));
              }
              private static <T> io.vertx.core.Future<T> succeeded(T value) {
                return io.vertx.core.Future.succeededFuture(value);
              }
            }
            """,
        "com.acme.Check", """
            package com.acme;

            import io.slacker.codegen.Expect;
            import java.util.List;

            public class Check {
              public static io.vertx.core.Future<?> check(Names proxy) {
                return proxy.override(new Override("o"), new com.other.Class("c"), new com.other.String(3))
                    .map(back -> Expect.equal(new Override("oc3"), back))
                    .compose(x -> proxy.object(new Object(1), new Future(2))).map(back -> Expect.equal(new Object(3), back))
                    .compose(x -> proxy.options(new Names.CallOptions(1), new Names.SlackerClient("ab"),
                        new Names.MethodDescriptor("abc"))).map(back -> Expect.equal(new Names.CallOptions(6), back))
                    .compose(x -> proxy.settings(new Names.Settings("s"), "w", 7)).map(back -> Expect.equal("sw7", back.value))
                    .compose(x -> proxy.many(List.of(new Names.Settings("d")), "i", "c", "j", "s", "u"))
                    .map(back -> Expect.equal("dicjsu", back.get(0).value));
              }
            }
            """));
    roundTrip(compilation, "com.acme.Names", "com.acme.NamesImpl");
    assertEquals("odd\nname \"quoted\" \\ tab\t nul\0 del\177 \u00fc\u20ac\ud83d\ude00 */ \\u000a",
        binding(compilation.classLoader(), "com.acme.Names").serviceName());
  }

  @Test
  void nestedTypesOfTheDefaultPackageAreNamedThroughTheirOuterType() throws Exception {
    roundTrip(Compilation.compile(Map.of(
        "Box", "public class Box {\n  public record Part(int n) {}\n}\n",
        "Boxes", """
            @io.slacker.annotations.SlackerService
            public interface Boxes {
              record Lid(boolean open) {}
              io.vertx.core.Future<Box.Part> part(Box.Part part, Lid lid);
            }
            """,
        "BoxesImpl", """
            public class BoxesImpl implements Boxes {
              public io.vertx.core.Future<Box.Part> part(Box.Part part, Lid lid) {
                return io.vertx.core.Future.succeededFuture(new Box.Part(part.n() + (lid.open() ? 1 : 0)));
              }
            }
            """,
        "Check", """
            public class Check {
              public static io.vertx.core.Future<?> check(Boxes proxy) {
                return proxy.part(new Box.Part(1), new Boxes.Lid(true))
                    .map(back -> io.slacker.codegen.Expect.equal(new Box.Part(2), back));
              }
            }
            """)), "Boxes", "BoxesImpl");
  }

  @Test
  void finerTimeoutsRoundUpToWholeMilliseconds() {
    Compilation compilation = Compilation.compile(Map.of("com.acme.Slow", """
        package com.acme;
        import io.slacker.annotations.Timeout;
        import io.vertx.core.Future;
        import java.util.concurrent.TimeUnit;
        @io.slacker.annotations.SlackerService
        public interface Slow {
          @Timeout(value = 1999, unit = TimeUnit.MICROSECONDS) Future<Void> a();
          @Timeout(value = 10, unit = TimeUnit.MICROSECONDS) Future<Void> b();
          @Timeout(value = 2_000_000, unit = TimeUnit.NANOSECONDS) Future<Void> c();
          @Timeout(value = 3, unit = TimeUnit.SECONDS) Future<Void> d();
        }
        """));
    assertClean(compilation);
    String binding = compilation.generated("com/acme/SlowSlackerBinding.java");
    for (String expected : List.of("A = MethodDescriptor.builder(SERVICE_NAME, \"a\")\n"
        + "      .signature(\"a()\")\n      .returnType(TYPES.constructType(Void.class))\n      .timeoutMillis(2L)",
        "\"b\")\n      .signature(\"b()\")\n      .returnType(TYPES.constructType(Void.class))\n      .timeoutMillis(1L)",
        "\"c\")\n      .signature(\"c()\")\n      .returnType(TYPES.constructType(Void.class))\n      .timeoutMillis(2L)",
        "\"d\")\n      .signature(\"d()\")\n      .returnType(TYPES.constructType(Void.class))\n      .timeoutMillis(3000L)")) {
      assertTrue(binding.contains(expected), binding);
    }
  }

  /** What the issue found holding, kept holding: one service with all of it. */
  @Test
  void casesThatHeldStillHold() throws Exception {
    String longName = "a".repeat(300);
    roundTrip(Compilation.compile(Map.of(
        "com.acme.Repo", """
            package com.acme;
            import io.vertx.core.Future;
            import java.util.List;
            public interface Repo<K extends Comparable<K>, V> {
              Future<V> get(K key);
              Future<List<V>> all(List<K> keys);
            }
            """,
        "com.acme.Held", """
            package com.acme;

            import io.vertx.core.Future;
            import io.vertx.core.buffer.Buffer;
            import io.vertx.core.json.JsonArray;
            import io.vertx.core.json.JsonObject;
            import java.math.BigDecimal;
            import java.net.URI;
            import java.util.*;

            @io.slacker.annotations.SlackerService
            public interface Held extends Repo<String, Held.Box<Integer>> {
              enum Op {
                ADD { int apply(int a, int b) { return a + b; } },
                MUL { int apply(int a, int b) { return a * b; } };
                abstract int apply(int a, int b);
              }
              record Box<T>(T value, List<T> more) {}
              record Empty() {}
              record Checked(int n) { public Checked { if (n < 0) throw new IllegalArgumentException("negative"); } }
              record Ünïcode$Type(String größe) {}

              Future<Integer> params(int client, int defaults, int args, int json, int impl, int result);
              Future<String> find(String text);
              Future<String> find(String text, int limit);
              Future<Integer> tags(String first, String... rest);
              Future<long[][]> grid(long[][] grid, byte[] bytes, char c, short s, float f, double d, boolean b);
              Future<BigDecimal> money(BigDecimal amount, UUID id, URI uri);
              Future<Integer> apply(Op op, int a, int b);
              Future<Empty> records(Empty empty, Checked checked, Ünïcode$Type unicode);
              Future<JsonObject> vertx(JsonObject object, JsonArray array, Buffer buffer);
              Future<String> %s(String größe);
            }
            """.formatted(longName),
        "com.acme.HeldImpl", """
            package com.acme;

            import io.vertx.core.Future;
            import io.vertx.core.buffer.Buffer;
            import io.vertx.core.json.JsonArray;
            import io.vertx.core.json.JsonObject;
            import java.math.BigDecimal;
            import java.net.URI;
            import java.util.*;

            public class HeldImpl implements Held {
              public Future<Box<Integer>> get(String key) { return Future.succeededFuture(new Box<>(key.length(), List.of(1))); }
              public Future<List<Box<Integer>>> all(List<String> keys) {
                List<Box<Integer>> boxes = new ArrayList<>();
                keys.forEach(k -> boxes.add(new Box<>(k.length(), List.of())));
                return Future.succeededFuture(boxes);
              }
              public Future<Integer> params(int client, int defaults, int args, int json, int impl, int result) {
                return Future.succeededFuture(client + defaults + args + json + impl + result);
              }
              public Future<String> find(String text) { return Future.succeededFuture(text); }
              public Future<String> find(String text, int limit) { return Future.succeededFuture(text.substring(0, limit)); }
              public Future<Integer> tags(String first, String... rest) { return Future.succeededFuture(1 + rest.length); }
              public Future<long[][]> grid(long[][] grid, byte[] bytes, char c, short s, float f, double d, boolean b) {
                return Future.succeededFuture(new long[][] {grid[0], {bytes.length, c, s, (long) f, (long) d, b ? 1 : 0}});
              }
              public Future<BigDecimal> money(BigDecimal amount, UUID id, URI uri) {
                return Future.succeededFuture(amount.add(BigDecimal.valueOf(uri.getPath().length())));
              }
              public Future<Integer> apply(Op op, int a, int b) { return Future.succeededFuture(op.apply(a, b)); }
              public Future<Empty> records(Empty empty, Checked checked, Ünïcode$Type unicode) {
                return Future.succeededFuture(unicode.größe().equals("ß") && checked.n() == 1 ? empty : null);
              }
              public Future<JsonObject> vertx(JsonObject object, JsonArray array, Buffer buffer) {
                return Future.succeededFuture(object.copy().put("array", array).put("buffer", buffer.toString()));
              }
              public Future<String> %s(String größe) { return Future.succeededFuture(größe); }
            }
            """.formatted(longName),
        "com.acme.Check", """
            package com.acme;

            import com.acme.Held.*;
            import io.slacker.codegen.Expect;
            import io.vertx.core.Future;
            import io.vertx.core.buffer.Buffer;
            import io.vertx.core.json.JsonArray;
            import io.vertx.core.json.JsonObject;
            import java.math.BigDecimal;
            import java.net.URI;
            import java.util.List;
            import java.util.UUID;

            public class Check {
              public static Future<?> check(Held proxy) {
                return proxy.get("abc").map(back -> Expect.equal(new Box<>(3, List.of(1)), back))
                    .compose(x -> proxy.all(List.of("a", "bb"))).map(back -> Expect.equal(
                        List.of(new Box<>(1, List.of()), new Box<>(2, List.of())), back))
                    .compose(x -> proxy.params(1, 2, 3, 4, 5, 6)).map(back -> Expect.equal(21, back))
                    .compose(x -> proxy.find("abc")).map(back -> Expect.equal("abc", back))
                    .compose(x -> proxy.find("abc", 2)).map(back -> Expect.equal("ab", back))
                    .compose(x -> proxy.tags("a", "b", "c")).map(back -> Expect.equal(3, back))
                    .compose(x -> proxy.grid(new long[][] {{Long.MIN_VALUE}}, new byte[2], 'é', (short) -3, 4.5f, 5.5, true))
                    .map(back -> Expect.equal(new long[][] {{Long.MIN_VALUE}, {2, 'é', -3, 4, 5, 1}}, back))
                    .compose(x -> proxy.money(new BigDecimal("1.10"), UUID.randomUUID(), URI.create("http://h/ab")))
                    .map(back -> Expect.equal(new BigDecimal("4.10"), back))
                    .compose(x -> proxy.apply(Op.MUL, 6, 7)).map(back -> Expect.equal(42, back))
                    .compose(x -> proxy.records(new Empty(), new Checked(1), new Ünïcode$Type("ß")))
                    .map(back -> Expect.equal(new Empty(), back))
                    .compose(x -> proxy.vertx(new JsonObject().put("k", "v"), new JsonArray().add(1), Buffer.buffer("b")))
                    .map(back -> Expect.equal(new JsonObject().put("k", "v").put("array", new JsonArray().add(1))
                        .put("buffer", "b"), back))
                    .compose(x -> proxy.%s("日本語 😀")).map(back -> Expect.equal("日本語 😀", back));
              }
            }
            """.formatted(longName))), "com.acme.Held", "com.acme.HeldImpl");
  }

  /** Checks that the generated code compiled cleanly, then runs {@code Check.check(proxy)} in every format. */
  private static void roundTrip(Compilation compilation, String service, String implementation) throws Exception {
    assertClean(compilation);
    ClassLoader loader = compilation.classLoader();
    ServiceBinding<?> binding = binding(loader, service);
    Object instance = loader.loadClass(implementation).getConstructor().newInstance();
    SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(definition(binding, instance));
    server.listen().await(10, TimeUnit.SECONDS);
    String checkClass = service.contains(".") ? service.substring(0, service.lastIndexOf('.') + 1) + "Check" : "Check";
    Method check = loader.loadClass(checkClass).getMethod("check", binding.serviceInterface());
    try {
      for (String format : FORMATS) {
        Object proxy = binding.createProxy(client, new CallOptions()
            .setServer(SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1")).setSerialization(format));
        try {
          ((Future<?>) check.invoke(null, proxy)).await(10, TimeUnit.SECONDS);
        } catch (InvocationTargetException e) {
          throw new AssertionError(format + ": " + e.getCause(), e.getCause());
        } catch (Exception | AssertionError e) {
          throw new AssertionError(format + ": " + e, e);
        }
      }
    } finally {
      server.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static void assertClean(Compilation compilation) {
    assertEquals(List.of(), compilation.errorsWithSources());
    assertEquals(List.of(), compilation.generatedWarnings());
  }

  private static ServiceBinding<?> binding(ClassLoader loader, String service) {
    List<ServiceBinding<?>> bindings = new ArrayList<>();
    ServiceLoader.load(ServiceIndex.class, loader).forEach(index -> bindings.addAll(index.bindings()));
    return bindings.stream().filter(b -> b.serviceInterface().getName().equals(service)).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static <T> ServiceDefinition definition(ServiceBinding<T> binding, Object implementation) {
    return binding.createDefinition((T) implementation);
  }
}
