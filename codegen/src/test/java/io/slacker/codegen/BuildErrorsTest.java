package io.slacker.codegen;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every illegal service signature fails the build with a message that names the interface and
 * the method and says what to do, and generates nothing for that interface.
 */
class BuildErrorsTest {

  private static final String SUPPORTED = "a primitive or its box, String, an enum, a record or POJO, a java.time type, "
      + "JsonObject, JsonArray, Buffer, a @DataObject, or a List, Set or Map<String, V> of these";

  private static final String JSON_GEN_INSTEAD = " (a @JsonGen data object whose toJson() returns JsonObject may "
      + "instead have a public no-arg constructor and a public converter)";

  @Test
  void returnTypeMustBeFutureOrVoid() {
    assertErrors("""
        String name(long id);
        int count();
        """,
        "com.acme.Bad.name(long) returns java.lang.String, but a Slacker method returns io.vertx.core.Future<T>, "
            + "or void for a one-way call: change the return type to Future<java.lang.String>",
        "com.acme.Bad.count() returns int, but a Slacker method returns io.vertx.core.Future<T>, "
            + "or void for a one-way call: change the return type to Future<Integer>");
  }

  @Test
  void futureMustNameItsResultType() {
    assertErrors("""
        @SuppressWarnings("rawtypes")
        Future ping();
        """,
        "com.acme.Bad.ping() returns a raw Future, but results decode into their declared types only: "
            + "declare the result type, e.g. Future<String>, or Future<Void> for none");
  }

  @Test
  void objectIsNotADeclaredType() {
    assertErrors("""
        Future<Void> put(Object value);
        Future<Object> get();
        """,
        "com.acme.Bad.put(java.lang.Object): parameter 'value': java.lang.Object is not a type Slacker can send, "
            + "since values decode into their declared types only: declare " + SUPPORTED,
        "com.acme.Bad.get(): result: java.lang.Object is not a type Slacker can send, "
            + "since values decode into their declared types only: declare " + SUPPORTED);
  }

  @Test
  void otherJdkAndVertxTypesAreUnsupported() {
    assertErrors("""
        Future<Void> maybe(java.util.Optional<String> value);
        Future<Void> callback(io.vertx.core.Handler<String> handler);
        """,
        "com.acme.Bad.maybe(java.util.Optional<java.lang.String>): parameter 'value': java.util.Optional<java.lang.String> "
            + "is not a type Slacker can send, since values decode into their declared types only: declare " + SUPPORTED,
        "com.acme.Bad.callback(io.vertx.core.Handler<java.lang.String>): parameter 'handler': "
            + "io.vertx.core.Handler<java.lang.String> is not a type Slacker can send, since values decode into their "
            + "declared types only: declare " + SUPPORTED);
  }

  @Test
  void collectionsNeedConcreteElementTypes() {
    assertErrors("""
        @SuppressWarnings("rawtypes")
        Future<Void> raw(List names);
        Future<Void> wildcard(List<? extends Number> numbers);
        """,
        "com.acme.Bad.raw(java.util.List): parameter 'names': java.util.List is a raw type, and values decode into "
            + "their declared types only: declare its element type, e.g. List<User>",
        "com.acme.Bad.wildcard(java.util.List<? extends java.lang.Number>): parameter 'numbers': ? extends "
            + "java.lang.Number names no concrete type, and values decode into their declared types only: declare "
            + "the type itself, e.g. List<User> instead of List<? extends User>");
  }

  @Test
  void mapKeysMustBeStrings() {
    assertErrors("""
        Future<Map<Integer, String>> byId();
        """,
        "com.acme.Bad.byId(): result: map keys must be String, but java.util.Map<java.lang.Integer,java.lang.String> "
            + "has java.lang.Integer keys: use Map<String, V>, or a List of records");
  }

  @Test
  void valueClassesMustBeCreatableByJackson() {
    assertErrors("""
        abstract class Shape {}
        class Point { Point(int x) {} }
        class Holder { class Inner {} }
        Future<Void> draw(Shape shape);
        Future<Void> move(Point point);
        Future<Void> hold(Holder.Inner inner);
        """,
        "com.acme.Bad.draw(com.acme.Bad.Shape): parameter 'shape': com.acme.Bad.Shape is abstract, and values decode "
            + "into their declared types only: declare a concrete class or record, or list the subtypes on the type "
            + "with @JsonSubTypes",
        "com.acme.Bad.move(com.acme.Bad.Point): parameter 'point': com.acme.Bad.Point has no no-arg constructor for "
            + "Jackson to create it with: add one, annotate a constructor with @JsonCreator, or make it a record",
        "com.acme.Bad.hold(com.acme.Bad.Holder.Inner): parameter 'inner': com.acme.Bad.Holder.Inner is an inner class, "
            + "which Jackson cannot create without an outer instance: make it static");
  }

  @Test
  void dataObjectsNeedJsonConversions() {
    assertErrors("""
        @io.vertx.codegen.annotations.DataObject
        class Settings { public Settings() {} }
        @io.vertx.codegen.annotations.DataObject
        class Code { public Code(JsonObject json) {} public String toJson() { return "c"; } }
        Future<Settings> settings();
        Future<Void> code(Code code);
        """,
        "com.acme.Bad.settings(): result: @DataObject com.acme.Bad.Settings travels as the JSON its toJson() returns, "
            + "so it needs a public toJson() method returning JsonObject, JsonArray, String, a number or a boolean, and "
            + "a public constructor Settings(JsonObject) taking that type: add them" + JSON_GEN_INSTEAD,
        "com.acme.Bad.code(com.acme.Bad.Code): parameter 'code': @DataObject com.acme.Bad.Code travels as the JSON its "
            + "toJson() returns, so it needs a public toJson() method returning JsonObject, JsonArray, String, a number "
            + "or a boolean, and a public constructor Code(String) taking that type: add them" + JSON_GEN_INSTEAD);
  }

  @Test
  void dataObjectsTravelDirectlyOrInOneCollection() {
    assertErrors("""
        @io.vertx.codegen.annotations.DataObject
        class Settings {
          public Settings(JsonObject json) {}
          public JsonObject toJson() { return new JsonObject(); }
        }
        Future<List<List<Settings>>> nested();
        """,
        "com.acme.Bad.nested(): result: @DataObject com.acme.Bad.Settings is nested in "
            + "java.util.List<java.util.List<com.acme.Bad.Settings>>, but a @DataObject travels only as a parameter or "
            + "result itself, or as the element of a List, Set or Map<String, V>: declare it so");
  }

  @Test
  void methodIdsMustNotCollide() {
    // FNV-1a maps both signatures to 0x87e0a791.
    assertErrors("""
        Future<Void> call7299();
        Future<Void> call268254();
        """,
        "com.acme.Bad: methods call7299() and call268254() hash to the same method id 0x87e0a791, so a server could "
            + "not tell their calls apart: rename one of them");
  }

  @Test
  void methodsMustNotBeGeneric() {
    assertErrors("""
        <T> Future<T> get(Class<T> type);
        """,
        "com.acme.Bad.get(java.lang.Class<T>) declares type parameters, but values decode into their declared types "
            + "only: replace them with concrete types");
  }

  @Test
  void timeoutsMustBePositiveMilliseconds() {
    assertErrors("""
        @io.slacker.annotations.Timeout(0)
        Future<Void> never();
        @io.slacker.annotations.Timeout(value = 0, unit = java.util.concurrent.TimeUnit.NANOSECONDS)
        Future<Void> zeroNanos();
        @io.slacker.annotations.Timeout(value = 5_000_000, unit = java.util.concurrent.TimeUnit.DAYS)
        Future<Void> tooLong();
        """,
        "com.acme.Bad.never(): @Timeout(0, MILLISECONDS) is 0 ms, but a timeout is 1 to 4294967295 ms: change it",
        "com.acme.Bad.zeroNanos(): @Timeout(0, NANOSECONDS) is 0 ms, but a timeout is 1 to 4294967295 ms: change it",
        "com.acme.Bad.tooLong(): @Timeout(5000000, DAYS) is 432000000000000 ms, but a timeout is 1 to 4294967295 ms: "
            + "change it");
  }

  @Test
  void subtypesNeedATypeId() {
    assertErrors("""
        @com.fasterxml.jackson.annotation.JsonSubTypes({
            @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Circle.class, name = "circle")})
        sealed interface Shape permits Circle {}
        record Circle(double radius) implements Shape {}
        Future<List<Shape>> shapes();
        """,
        "com.acme.Bad.shapes(): result: com.acme.Bad.Shape lists its subtypes with @JsonSubTypes but has no "
            + "@JsonTypeInfo, so a value would carry no type id to decode it by: add "
            + "@JsonTypeInfo(use = JsonTypeInfo.Id.NAME) to Shape");
  }

  @Test
  void proxyCloseClosesOnlyTheProxy() {
    assertErrors("""
        @io.vertx.codegen.annotations.ProxyClose
        Future<String> close(String reason);
        """,
        "com.acme.Bad.close is marked @ProxyClose, which closes the proxy (and, on the proxy of a returned service "
            + "instance, releases that instance): declare it void close() or Future<Void> close()");
  }

  @Test
  void aServiceIsReturnedButNeverPassedAsAValue() {
    String session = """
        package com.acme;
        @io.slacker.annotations.SlackerService
        public interface Session {
          io.vertx.core.Future<String> whoAmI();
        }
        """;
    Compilation compilation = Compilation.compile(Map.of("com.acme.Session", session, "com.acme.Bad", """
        package com.acme;

        import io.vertx.core.Future;
        import java.util.List;

        @io.slacker.annotations.SlackerService
        public interface Bad {
          Future<Session> open(String user);
          Future<Void> use(Session session);
          Future<List<Session>> all();
        }
        """));
    String never = " is a service, and a service never travels as a value: a method may return one, as "
        + "Future<Session>, and its caller gets a proxy bound to the instance; it cannot be a parameter or inside another type";
    assertEquals(List.of("com.acme.Bad.use(com.acme.Session): parameter 'session': com.acme.Session" + never,
        "com.acme.Bad.all(): result: com.acme.Session" + never), compilation.errors());
  }

  @Test
  void serviceMustBeANonGenericInterface() {
    assertSourceErrors("""
        package com.acme;
        @io.slacker.annotations.SlackerService
        public abstract class Bad {
        }
        """,
        "com.acme.Bad is a class, but a Slacker service is an interface: declare Bad as an interface");
    assertSourceErrors("""
        package com.acme;
        @io.slacker.annotations.SlackerService
        public interface Bad<T> {
          io.vertx.core.Future<T> get(String id);
        }
        """,
        "com.acme.Bad declares type parameters, but a Slacker service decodes values into concrete types: extend it "
            + "with a non-generic interface, e.g. interface UserStore extends Bad<User>, and annotate that one");
  }

  @Test
  void servicesMustBeTopLevel() {
    assertSourceErrors("""
        package com.acme;
        public class Bad {
          @io.slacker.annotations.SlackerService
          public interface Inner {
            io.vertx.core.Future<String> get(String id);
          }
        }
        """,
        "com.acme.Bad.Inner is nested in com.acme.Bad, but only top-level types are processed: move Inner to its own file");
  }

  /** Compiles {@code members} as the body of {@code @SlackerService interface com.acme.Bad}. */
  @Test
  void authorizationNamesMustNotBeEmpty() {
    assertErrors("""
        @io.slacker.annotations.RequiresPermission("")
        Future<Void> open();
        @io.slacker.annotations.RequiresRole({"clerk", ""})
        Future<Void> close();
        """,
        "com.acme.Bad.open(): @RequiresPermission names an empty string: name what the caller needs",
        "com.acme.Bad.close(): @RequiresRole names an empty string: name what the caller needs");
  }

  private static void assertErrors(String members, String... expected) {
    assertSourceErrors("""
        package com.acme;

        import io.vertx.core.Future;
        import io.vertx.core.json.JsonObject;
        import java.util.List;
        import java.util.Map;

        @io.slacker.annotations.SlackerService
        public interface Bad {
        """ + members.indent(2) + "}\n", expected);
  }

  private static void assertSourceErrors(String source, String... expected) {
    Compilation compilation = Compilation.compile(Map.of("com.acme.Bad", source));
    assertFalse(compilation.success());
    assertEquals(List.of(expected), compilation.errors());
    assertFalse(compilation.hasGenerated("com/acme/BadSlackerProxy.java"));
    assertFalse(compilation.hasGenerated("com/acme/BadSlackerBinding.java"));
  }
}
