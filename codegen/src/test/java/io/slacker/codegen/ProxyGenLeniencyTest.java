package io.slacker.codegen;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code @ProxyGen} interface with a method Slacker cannot carry still builds: the method is
 * left out of Slacker's proxy and invoker with a warning that names it and says why, a call to it
 * through Slacker fails saying the same, and the event-bus generator's code compiles untouched.
 * The same method in a {@code @SlackerService} interface still fails the build.
 */
class ProxyGenLeniencyTest {

  private static final String PACKAGE_INFO = """
      @ModuleGen(name = "acme", groupPackage = "com.acme")
      package com.acme;

      import io.vertx.codegen.annotations.ModuleGen;
      """;

  private static final String CONNECTION = """
      package com.acme;

      import io.vertx.codegen.annotations.ProxyGen;
      import io.vertx.core.Future;

      @ProxyGen
      public interface Connection {
        Future<String> query(String sql);
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

          Future<Connection> connect(String name);
        }
        """.formatted(annotation);
  }

  private static final String REASON = "com.acme.Store.connect(java.lang.String): result: com.acme.Connection";

  @Test
  void aProxyGenInterfaceBuildsWithAWarningAndTheMethodFailsThroughSlacker() {
    Compilation compilation = Compilation.compile(Map.of("com.acme.package-info", PACKAGE_INFO,
        "com.acme.Connection", CONNECTION, "com.acme.Store", store("@ProxyGen")));
    assertEquals(java.util.List.of(), compilation.errors());
    String warning = compilation.warnings().stream().filter(w -> w.startsWith(REASON)).findFirst()
        .orElseThrow(() -> new AssertionError("a warning names the method: " + compilation.warnings()));
    assertTrue(warning.endsWith(". Slacker leaves this method of a @ProxyGen interface out of its proxy and invoker,"
        + " where a call to it fails; the event-bus proxy still serves it"), warning);
    String proxy = compilation.generated("com/acme/StoreSlackerProxy.java");
    assertTrue(proxy.contains("return Future.failedFuture(new UnsupportedOperationException(\"Store.connect is not served"
        + " over Slacker: " + REASON), proxy);
    String binding = compilation.generated("com/acme/StoreSlackerBinding.java");
    assertTrue(binding.contains("\"echo\"") && !binding.contains("\"connect\""), binding);
  }

  @Test
  void theSameMethodStillFailsTheBuildOfASlackerService() {
    Compilation compilation = Compilation.compile(Map.of("com.acme.package-info", PACKAGE_INFO,
        "com.acme.Connection", CONNECTION, "com.acme.Store",
        store("@io.slacker.annotations.SlackerService").replace("import io.vertx.codegen.annotations.ProxyGen;\n", "")));
    assertTrue(compilation.errors().stream().anyMatch(error -> error.startsWith(REASON)), compilation.errors().toString());
  }
}
