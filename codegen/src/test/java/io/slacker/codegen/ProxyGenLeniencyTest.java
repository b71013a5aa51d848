package io.slacker.codegen;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code @ProxyGen} interface with a method Slacker cannot carry still builds: the method is
 * left out of Slacker's proxy and invoker with a warning that names it and says why, and a call
 * to it through Slacker fails saying the same. The same method in a {@code @SlackerService}
 * interface still fails the build. The case here, a data object with no JSON constructor, is one
 * vertx-service-proxy's generator refuses too, so only Slacker's generators run; no method that
 * generator accepts is one Slacker cannot carry (the compat module serves one of each kind).
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
      + "String, a number or a boolean, and a public constructor Receipt(JsonObject) taking that type: add them";

  private static final java.util.List<String> SLACKER_ONLY =
      java.util.List.of("-Acodegen.generators=slacker-binding,slacker-proxy,slacker-invoker");

  @Test
  void aProxyGenInterfaceBuildsWithAWarningAndTheMethodFailsThroughSlacker() {
    Compilation compilation = Compilation.compile(Map.of("com.acme.package-info", PACKAGE_INFO,
        "com.acme.Receipt", RECEIPT, "com.acme.Store", store("@ProxyGen")), SLACKER_ONLY);
    assertEquals(java.util.List.of(), compilation.errors());
    String warning = compilation.warnings().stream().filter(w -> w.startsWith(REASON)).findFirst()
        .orElseThrow(() -> new AssertionError("a warning names the method: " + compilation.warnings()));
    assertTrue(warning.equals(REASON + ". Slacker leaves this method of a @ProxyGen interface out of its proxy and invoker,"
        + " where a call to it fails; the event-bus proxy still serves it"), warning);
    String proxy = compilation.generated("com/acme/StoreSlackerProxy.java");
    assertTrue(proxy.contains("return Future.failedFuture(new UnsupportedOperationException(\"Store.receipt is not served"
        + " over Slacker: " + REASON), proxy);
    String binding = compilation.generated("com/acme/StoreSlackerBinding.java");
    assertTrue(binding.contains("\"echo\"") && !binding.contains("\"receipt\""), binding);
  }

  @Test
  void theSameMethodStillFailsTheBuildOfASlackerService() {
    Compilation compilation = Compilation.compile(Map.of("com.acme.package-info", PACKAGE_INFO,
        "com.acme.Receipt", RECEIPT, "com.acme.Store",
        store("@io.slacker.annotations.SlackerService").replace("import io.vertx.codegen.annotations.ProxyGen;\n", "")));
    assertTrue(compilation.errors().stream().anyMatch(error -> error.startsWith(REASON)), compilation.errors().toString());
  }
}
