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
    return compile(sources, List.of());
  }

  /** @param options more compiler options, e.g. {@code -Acodegen.generators=...} to run only some generators */
  static Compilation compile(Map<String, String> sources, List<String> options) {
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
        List<String> arguments = new java.util.ArrayList<>(
            List.of("-classpath", System.getProperty("java.class.path"), "-Xlint:all", "-Xlint:-processing"));
        arguments.addAll(options);
        JavaCompiler.CompilationTask task = compiler.getTask(null, files, collector, arguments, null, units);
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

  /** @return the warnings javac found in the generated sources */
  List<String> generatedWarnings() {
    List<String> warnings = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
      boolean warning = diagnostic.getKind() == Diagnostic.Kind.WARNING || diagnostic.getKind() == Diagnostic.Kind.MANDATORY_WARNING;
      if (warning && diagnostic.getSource() != null && isGenerated(diagnostic.getSource())) {
        warnings.add(diagnostic.getSource().getName() + ": " + diagnostic.getMessage(Locale.ROOT));
      }
    }
    return warnings;
  }

  /** @return the errors, each with the file and line it is at, and the line, to find them in generated code */
  List<String> errorsWithSources() {
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        String where = diagnostic.getSource() == null ? "" : diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber();
        String line = "";
        if (diagnostic.getSource() != null && diagnostic.getLineNumber() > 0) {
          try {
            line = diagnostic.getSource().getCharContent(true).toString().lines()
                .skip(diagnostic.getLineNumber() - 1).findFirst().orElse("").strip();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        errors.add(where + ": " + diagnostic.getMessage(Locale.ROOT) + " [" + line + "]");
      }
    }
    return errors;
  }

  private boolean isGenerated(JavaFileObject source) {
    return source.toUri().toString().startsWith(sourceOutput.toUri().toString());
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
