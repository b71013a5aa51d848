package io.slacker.codegen;

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
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compiles sources in memory through the vertx-codegen processor with Slacker's generators, as a
 * user's build would, into a temporary directory; the test class path is the compile class path.
 */
final class Compilation {

  private final boolean success;
  private final List<Diagnostic<? extends JavaFileObject>> diagnostics;
  private final Path sourceOutput;
  private final Path classOutput;

  private Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path sourceOutput, Path classOutput) {
    this.success = success;
    this.diagnostics = diagnostics;
    this.sourceOutput = sourceOutput;
    this.classOutput = classOutput;
  }

  /** @param sources fully qualified class name to source text */
  static Compilation compile(Map<String, String> sources) {
    try {
      Path root = Files.createTempDirectory("slacker-codegen-test");
      Path sourceOutput = Files.createDirectories(root.resolve("generated"));
      Path classOutput = Files.createDirectories(root.resolve("classes"));
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
      try (StandardJavaFileManager files = compiler.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
        files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(sourceOutput));
        files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classOutput));
        List<JavaFileObject> units = sources.entrySet().stream()
            .map(e -> new Source(e.getKey(), e.getValue()))
            .collect(Collectors.toList());
        JavaCompiler.CompilationTask task = compiler.getTask(null, files, collector,
            List.of("-classpath", System.getProperty("java.class.path"), "-Xlint:all", "-Xlint:-processing"), null, units);
        task.setProcessors(List.of(new CodeGenProcessor()));
        boolean success = task.call();
        return new Compilation(success, collector.getDiagnostics(), sourceOutput, classOutput);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean success() {
    return success;
  }

  /** @return the messages of the errors, in order */
  List<String> errors() {
    return messages(Diagnostic.Kind.ERROR);
  }

  /** @return the warnings javac found, in the sources and in the generated code */
  List<String> warnings() {
    List<String> warnings = messages(Diagnostic.Kind.WARNING);
    warnings.addAll(messages(Diagnostic.Kind.MANDATORY_WARNING));
    return warnings;
  }

  private List<String> messages(Diagnostic.Kind kind) {
    List<String> messages = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
      if (diagnostic.getKind() == kind) {
        messages.add(diagnostic.getMessage(Locale.ROOT));
      }
    }
    return messages;
  }

  /** @return the text of a generated source file, e.g. {@code com/acme/UserServiceSlackerProxy.java} */
  String generated(String relativePath) {
    try {
      return Files.readString(sourceOutput.resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean hasGenerated(String relativePath) {
    return Files.exists(sourceOutput.resolve(relativePath));
  }

  /** @return a class loader over the compiled classes, whose parent is the test's */
  ClassLoader classLoader() {
    try {
      return new URLClassLoader(new URL[] {classOutput.toUri().toURL()}, Compilation.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String className, String text) {
      super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
