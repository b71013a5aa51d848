package io.slacker.codegen;

import io.vertx.codegen.CodeGenProcessor;
import org.junit.jupiter.api.Test;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service in a named module, compiled through the processor and run on the module path as
 * docs/guide.md ("Java modules") says: slacker-vertx and its dependencies on the module path,
 * ZooKeeper on the class path, since its two jars split packages.
 */
class NamedModuleTest {

  /** Jars of the run-time dependencies that go on the module path; ZooKeeper's go on the class path. */
  private static final List<String> MODULES = List.of("/vertx-core", "/netty-", "/jackson-", "/curator-", "/slf4j-api");
  private static final List<String> CLASS_PATH = List.of("/zookeeper-", "/audience-annotations-");

  private static final String MODULE_INFO = """
      module com.example.greeter {
        requires io.slacker;
        requires io.vertx.core;
        requires com.fasterxml.jackson.databind;
        opens com.example.greeter to com.fasterxml.jackson.databind;
        %s
      }
      """;

  private static final String GREETER = """
      package com.example.greeter;

      @io.slacker.annotations.SlackerService
      public interface Greeter {
        record Greeting(String text, int times) {}
        io.vertx.core.Future<Greeting> greet(String name);
      }
      """;

  /** Serves and calls the service, and starts and closes a ZooKeeper discovery, whose classes come from the class path. */
  private static final String MAIN = """
      package com.example.greeter;

      import io.slacker.SlackerClient;
      import io.slacker.SlackerServer;
      import io.slacker.SlackerServerOptions;
      import io.slacker.cluster.ZookeeperDiscovery;
      import io.slacker.cluster.ZookeeperDiscoveryOptions;
      import io.vertx.core.Future;
      import io.vertx.core.Vertx;
      import io.vertx.core.net.SocketAddress;

      public class Main {
        public static void main(String[] args) throws Exception {
          Vertx vertx = Vertx.vertx();
          try {
            SlackerServer server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
                .register(Greeter.class, name -> Future.succeededFuture(new Greeter.Greeting("Hello, " + name, 2)));
            server.listen().await();
            SlackerClient client = SlackerClient.create(vertx);
            Greeter greeter = client.proxy(Greeter.class, SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1"));
            System.out.println(greeter.greet("module").await());
            ZookeeperDiscovery.create(vertx, new ZookeeperDiscoveryOptions().setConnectString("127.0.0.1:1")).close().await();
            System.out.println("zookeeper classes linked");
          } finally {
            vertx.close().await();
          }
        }
      }
      """;

  @Test
  void aServiceInANamedModuleRunsOnTheModulePath() throws Exception {
    Run run = compileAndRun("provides io.slacker.spi.ServiceIndex with com.example.greeter.GreeterSlackerBinding;");
    assertEquals(0, run.exitCode, run.output);
    assertTrue(run.output.contains("Greeting[text=Hello, module, times=2]"), run.output);
    assertTrue(run.output.contains("zookeeper classes linked"), run.output);
  }

  @Test
  void aModuleThatDoesNotProvideItsBindingIsToldTo() throws Exception {
    Run run = compileAndRun("");
    assertTrue(run.exitCode != 0, run.output);
    assertTrue(run.output.contains("no generated Slacker binding for com.example.greeter.Greeter: module "
        + "com.example.greeter must declare it, so add 'provides io.slacker.spi.ServiceIndex with "
        + "com.example.greeter.GreeterSlackerBinding;' to its module-info.java"), run.output);
  }

  private record Run(int exitCode, String output) {
  }

  private static Run compileAndRun(String provides) throws IOException, InterruptedException {
    Path root = Files.createTempDirectory("slacker-module-test");
    Path sources = root.resolve("src");
    write(sources.resolve("module-info.java"), MODULE_INFO.formatted(provides));
    write(sources.resolve("com/example/greeter/Greeter.java"), GREETER);
    write(sources.resolve("com/example/greeter/Main.java"), MAIN);
    Path classes = Files.createDirectories(root.resolve("classes"));
    String modulePath = modulePath(root);

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
         Stream<Path> walk = Files.walk(sources)) {
      List<Path> units = walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
      JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, List.of("--module-path", modulePath,
          "-d", classes.toString(), "-s", Files.createDirectories(root.resolve("generated")).toString()), null,
          files.getJavaFileObjectsFromPaths(units));
      task.setProcessors(List.of(new CodeGenProcessor()));
      assertTrue(task.call(), diagnostics.getDiagnostics().toString());
    }

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "--module-path", classes + File.pathSeparator + modulePath,
        "--add-modules", "ALL-MODULE-PATH", "--class-path", classPath(CLASS_PATH),
        "-m", "com.example.greeter/com.example.greeter.Main")
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
    return new Run(process.exitValue(), output);
  }

  /** The run-time modules, and slacker-vertx: its jar, or a jar of its classes when Maven hands over a directory. */
  private static String modulePath(Path root) throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : testClassPath()) {
      if (entry.contains("slacker-vertx") && !entry.endsWith("-tests.jar") && !entry.contains("test-classes")) {
        entries.add(Files.isDirectory(Path.of(entry)) ? moduleJar(Path.of(entry), root).toString() : entry);
      }
    }
    entries.add(classPath(MODULES));
    return String.join(File.pathSeparator, entries);
  }

  private static String classPath(List<String> patterns) {
    return testClassPath().stream().filter(entry -> patterns.stream().anyMatch(entry::contains))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static List<String> testClassPath() {
    return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
  }

  /** A directory of classes without module-info is no module; a jar with the same manifest as the real one is. */
  private static Path moduleJar(Path classes, Path root) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Automatic-Module-Name", "io.slacker");
    Path jar = root.resolve("slacker-vertx.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest); Stream<Path> walk = Files.walk(classes)) {
      for (Path file : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
