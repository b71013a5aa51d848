package io.slacker.docs;

import io.vertx.codegen.CodeGenProcessor;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles the java blocks of Markdown files, with the context sources samples rely on, through
 * the vertx-codegen processor and Slacker's generators, as a user's build would; the test class
 * path is the compile class path.
 */
final class SampleCompiler {

  /** What a sample without a package of its own may use unqualified. */
  static final List<String> IMPORTS = List.of(
      "import io.slacker.*;",
      "import io.slacker.admin.*;",
      "import io.slacker.annotations.*;",
      "import io.slacker.cluster.*;",
      "import io.vertx.core.*;",
      "import io.vertx.core.json.*;",
      "import io.vertx.core.net.*;",
      "import java.util.*;",
      "import java.util.concurrent.ConcurrentHashMap;",
      "import java.util.concurrent.TimeUnit;");

  /**
   * @param errors each error as {@code file:line: message}, the line's text after it
   * @param skipped each block left out, as {@code file:line: reason}
   * @param compiled how many blocks were compiled
   */
  record Result(List<String> errors, List<String> skipped, int compiled) {
  }

  private SampleCompiler() {
  }

  /**
   * @param root the directory the Markdown files' names are relative to
   * @param markdown the Markdown files, relative to {@code root}, e.g. {@code docs/guide.md}
   * @param context a directory of Java sources that samples use and do not show
   */
  static Result compile(Path root, List<String> markdown, Path context) throws IOException {
    List<CodeBlock> blocks = new ArrayList<>();
    for (String file : markdown) {
      blocks.addAll(MarkdownSamples.read(root.resolve(file), file));
    }
    Set<String> imports = new LinkedHashSet<>(IMPORTS);
    blocks.stream().map(SampleUnits::declaredPackage).filter(p -> p != null).forEach(p -> imports.add("import " + p + ".*;"));
    SampleUnits converter = new SampleUnits(List.copyOf(imports));
    Map<URI, SourceUnit> units = new HashMap<>();
    List<JavaFileObject> sources = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    int compiled = 0;
    for (CodeBlock block : blocks) {
      if (SampleUnits.skipped(block)) {
        skipped.add(block.where(0) + ": " + block.directive());
        continue;
      }
      compiled++;
      for (SourceUnit unit : converter.units(block)) {
        Source source = new Source(unit);
        units.put(source.toUri(), unit);
        sources.add(source);
      }
    }

    Path output = Files.createTempDirectory("slacker-doc-samples");
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
         Stream<Path> walk = Files.walk(context)) {
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(Files.createDirectories(output.resolve("generated"))));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(Files.createDirectories(output.resolve("classes"))));
      List<Path> contextFiles = walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
      files.getJavaFileObjectsFromPaths(contextFiles).forEach(sources::add);
      JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics,
          List.of("-classpath", System.getProperty("java.class.path")), null, sources);
      task.setProcessors(List.of(new CodeGenProcessor()));
      task.call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(describe(diagnostic, units));
      }
    }
    return new Result(errors, skipped, compiled);
  }

  private static String describe(Diagnostic<? extends JavaFileObject> diagnostic, Map<URI, SourceUnit> units) throws IOException {
    String message = diagnostic.getMessage(Locale.ROOT);
    if (diagnostic.getSource() == null) {
      return message;
    }
    SourceUnit unit = units.get(diagnostic.getSource().toUri());
    String where = unit != null ? unit.origin(diagnostic.getLineNumber())
        : diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber();
    String line = diagnostic.getSource().getCharContent(true).toString().lines()
        .skip(Math.max(0, diagnostic.getLineNumber() - 1)).findFirst().orElse("").strip();
    return where + ": " + message + "\n    " + line;
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(SourceUnit unit) {
      super(URI.create("string:///" + unit.className().replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
      this.text = unit.text();
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
