package io.slacker.codegen;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code @ProxyGen} interface with a method Slacker cannot carry still builds: the method is
 * left out of Slacker's proxy and invoker with a warning that names it and says why, and a call
 * to it through Slacker fails saying the same. The same method in a {@code @SlackerService}
 * interface still fails the build. vertx-service-proxy's generator accepts some such methods
 * (an {@code Optional} result, a list of services) and refuses others (a data object with no
 * JSON constructor), which are then built by Slacker's generators alone.
 */
class ProxyGenLeniencyTest {

  private static final String PACKAGE_INFO = """
      @ModuleGen(name = "acme", groupPackage = "com.acme")
      package com.acme;

      import io.vertx.codegen.annotations.ModuleGen;
      """;

  /** A data object Slacker cannot read back: it has no constructor that takes its JSON form. */
  private static final String RECEIPT = """
      package com.acme;

      import io.vertx.codegen.annotations.DataObject;
      import io.vertx.core.json.JsonObject;

      @DataObject
      public class Receipt {
        public Receipt() {
        }

        public JsonObject toJson() {
          return new JsonObject();
        }
      }
      """;

  private static String store(String annotation) {
    return """
        package com.acme;

        import io.vertx.codegen.annotations.ProxyGen;
        import io.vertx.core.Future;

        %s
        public interface Store {
          Future<String> echo(String text);

          Future<Receipt> receipt(String name);
        }
        """.formatted(annotation);
  }

  private static final String REASON = "com.acme.Store.receipt(java.lang.String): result: @DataObject com.acme.Receipt "
      + "travels as the JSON its toJson() returns, so it needs a public toJson() method returning JsonObject, JsonArray, "
      + "String, a number or a boolean, and a public constructor Receipt(JsonObject) taking that type: add them (a @JsonGen data object whose toJson() returns JsonObject "
      + "may instead have a public no-arg constructor and a public converter)";

  private static final String LEFT_OUT = ". Slacker leaves this method of a @ProxyGen interface out of its proxy and "
      + "invoker, where a call to it fails; the event-bus generator's code for it is left as it is";

  private static final java.util.List<String> SLACKER_ONLY =
      java.util.List.of("-Acodegen.generators=slacker-binding,slacker-proxy,slacker-invoker");

  @Test
  void aProxyGenInterfaceBuildsWithAWarningAndTheMethodFailsThroughSlacker() {
    Compilation compilation = Compilation.compile(Map.of("com.acme.package-info", PACKAGE_INFO,
        "com.acme.Receipt", RECEIPT, "com.acme.Store", store("@ProxyGen")), SLACKER_ONLY);
    assertEquals(java.util.List.of(), compilation.errors());
    String warning = compilation.warnings().stream().filter(w -> w.startsWith(REASON)).findFirst()
        .orElseThrow(() -> new AssertionError("a warning names the method: " + compilation.warnings()));
    assertEquals(REASON + LEFT_OUT, warning);
    String proxy = compilation.generated("com/acme/StoreSlackerProxy.java");
    assertTrue(proxy.contains("return Future.failedFuture(new UnsupportedOperationException(\"Store.receipt is not served"
        + " over Slacker: " + REASON), proxy);
    String binding = compilation.generated("com/acme/StoreSlackerBinding.java");
    assertTrue(binding.contains("\"echo\"") && !binding.contains("\"receipt\""), binding);
  }

  /**
   * The methods vertx-service-proxy's own generator accepts and Slacker cannot carry, built by
   * both generators: each warning is the build error a @SlackerService gets, and what follows.
   */
  @Test
  void everyUnsupportedCaseWarnsWithTheTextOfItsBuildError() {
    String members = """
        package com.acme;

        import io.vertx.core.Future;
        import java.util.List;

        %s
        public interface Store {
          Future<String> echo(String text);
          Future<java.util.Optional<String>> maybe();
          Future<List<Store>> all();
        }
        """;
    Compilation strict = Compilation.compile(Map.of("com.acme.package-info", PACKAGE_INFO,
        "com.acme.Store", members.formatted("@io.slacker.annotations.SlackerService")));
    String never = " is a service, and a service never travels as a value: a method may return one, as "
        + "Future<Store>, and its caller gets a proxy bound to the instance; it cannot be a parameter or inside another type";
    java.util.List<String> errors = java.util.List.of(
        "com.acme.Store.maybe(): result: java.util.Optional<java.lang.String> is not a type Slacker can send, since values "
            + "decode into their declared types only: declare a primitive or its box, String, an enum, a record or POJO, "
            + "a java.time type, JsonObject, JsonArray, Buffer, a @DataObject, or a List, Set or Map<String, V> of these",
        "com.acme.Store.all(): result: com.acme.Store" + never);
    assertEquals(errors, strict.errors());

    Compilation lenient = Compilation.compile(Map.of("com.acme.package-info", PACKAGE_INFO,
        "com.acme.Store", members.formatted("@io.vertx.codegen.annotations.ProxyGen")));
    assertEquals(java.util.List.of(), lenient.errors());
    assertEquals(errors.stream().map(error -> error + LEFT_OUT).toList(),
        lenient.warnings().stream().filter(warning -> warning.startsWith("com.acme.Store")).toList());
    String proxy = lenient.generated("com/acme/StoreSlackerProxy.java");
    assertTrue(proxy.contains("Store.maybe is not served over Slacker: ") && proxy.contains("Store.all is not served over Slacker: "),
        proxy);
    assertTrue(lenient.hasGenerated("com/acme/StoreVertxEBProxy.java"), "the event-bus proxy is generated too");
  }

  @Test
  void theSameMethodStillFailsTheBuildOfASlackerService() {
    Compilation compilation = Compilation.compile(Map.of("com.acme.package-info", PACKAGE_INFO,
        "com.acme.Receipt", RECEIPT, "com.acme.Store",
        store("@io.slacker.annotations.SlackerService").replace("import io.vertx.codegen.annotations.ProxyGen;\n", "")));
    assertTrue(compilation.errors().stream().anyMatch(error -> error.startsWith(REASON)), compilation.errors().toString());
  }
}
