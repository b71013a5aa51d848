package io.slacker.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every java block of README.md and docs/*.md compiles, by the convention in docs-samples/README.md. */
class DocSamplesTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path CONTEXT = Path.of("src/context/java");

  @Test
  void everySampleInTheDocsCompiles() throws IOException {
    List<String> markdown = new ArrayList<>(List.of("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(p -> markdown.add("docs/" + p.getFileName()));
    }
    SampleCompiler.Result result = SampleCompiler.compile(ROOT, markdown, CONTEXT);
    assertTrue(result.errors().isEmpty(), () -> result.errors().size() + " compile errors in the docs' samples:\n"
        + String.join("\n", result.errors()));
    assertTrue(result.compiled() > 10, "found only " + result.compiled() + " samples in " + markdown);
    System.out.println("compiled " + result.compiled() + " samples; left out: " + result.skipped());
  }

  @Test
  void aSampleThatDoesNotCompileIsReportedAtItsLineInTheMarkdown() throws IOException {
    Path root = Files.createTempDirectory("slacker-doc-samples-test");
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/broken.md"), String.join("\n",
        "# Broken",                     // 1
        "",                             // 2
        "```java",                      // 3
        "String name = \"x\";",         // 4
        "int length = name.size();",    // 5: no such method
        "```",                          // 6
        "",                             // 7
        "```java",                      // 8
        "public record Point(int x) {", // 9
        "  int y() { return z; }",      // 10: no such variable
        "}",                            // 11
        "```",                          // 12
        ""));
    Path context = Files.createDirectories(root.resolve("context/samples"));
    Files.writeString(context.resolve("SampleContext.java"), "package samples; abstract class SampleContext {}");
    SampleCompiler.Result result = SampleCompiler.compile(root, List.of("docs/broken.md"), root.resolve("context"));
    assertEquals(2, result.errors().size(), String.join("\n", result.errors()));
    assertTrue(result.errors().get(0).startsWith("docs/broken.md:5: cannot find symbol"), result.errors().get(0));
    assertTrue(result.errors().get(1).startsWith("docs/broken.md:10: cannot find symbol"), result.errors().get(1));
  }
}
