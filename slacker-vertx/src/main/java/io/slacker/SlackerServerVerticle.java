package io.slacker;

import io.slacker.cluster.ZookeeperDiscovery;
import io.slacker.cluster.ZookeeperDiscoveryOptions;
import io.slacker.impl.JsonFields;
import io.slacker.impl.codegen.ServiceBindings;
import io.slacker.spi.ServiceDiscovery;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs services as an application, configured by JSON, with nothing to write but the services:
 * <pre>
 * {
 *   "server":    { SlackerServerOptions, e.g. "port": 2104 },
 *   "zookeeper": { ZookeeperDiscoveryOptions, e.g. "connectString": "zk1:2181,zk2:2181" },
 *   "services":  [ "com.example.GreeterImpl" ],
 *   "instances": 2
 * }
 * </pre>
 * Each service class is created with its {@code (Vertx)} or no-argument constructor and registered
 * under every interface it implements that has a generated binding. Without {@code zookeeper} the
 * server publishes nothing. The discovery is shared by the instances of the deployment, which
 * listen on the one port and publish it once.
 *
 * <p>Deploy it like any verticle, or run {@link #main(String[])}, which closes Vert.x when the JVM
 * is asked to stop (SIGTERM): the server then withdraws from discovery, drains and closes.
 */
public class SlackerServerVerticle extends VerticleBase {

  private SlackerServer server;

  @Override
  public Future<?> start() {
    JsonObject config = config();
    JsonObject serverJson = JsonFields.getJsonObject(config, "server");
    SlackerServerOptions options = serverJson == null ? new SlackerServerOptions()
        : JsonFields.nested("server", () -> new SlackerServerOptions(serverJson));
    JsonObject zookeeperJson = JsonFields.getJsonObject(config, "zookeeper");
    ServiceDiscovery discovery = zookeeperJson == null ? null : ZookeeperDiscovery.create(vertx,
        JsonFields.nested("zookeeper", () -> new ZookeeperDiscoveryOptions(new JsonObject().put("shared", true)
            .mergeIn(zookeeperJson))));
    server = SlackerServer.create(vertx, options, discovery);
    JsonArray services = JsonFields.getJsonArray(config, "services", new JsonArray());
    if (services.isEmpty()) {
      return Future.failedFuture(new IllegalArgumentException("services must list at least one service class"));
    }
    for (Object name : services) {
      if (!(name instanceof String className)) {
        return Future.failedFuture(new IllegalArgumentException("services must list class names, got " + name));
      }
      register(className);
    }
    return server.listen();
  }

  /** @return the port the server listens on, once started */
  public int actualPort() {
    return server.actualPort();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void register(String className) {
    Class<?> type;
    try {
      type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("services: no class " + className + " on the class path", e);
    }
    List<Class<?>> bound = new ArrayList<>();
    for (Class<?> serviceInterface : interfacesOf(type)) {
      if (ServiceBindings.has(serviceInterface)) {
        bound.add(serviceInterface);
      }
    }
    if (bound.isEmpty()) {
      throw new IllegalArgumentException("services: " + className + " implements no interface with a generated Slacker"
          + " binding (annotate the interface with @SlackerService)");
    }
    Object implementation = instantiate(type);
    for (Class<?> serviceInterface : bound) {
      server.register((Class) serviceInterface, implementation);
    }
  }

  private static Set<Class<?>> interfacesOf(Class<?> type) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        interfaces.add(i);
      }
    }
    return interfaces;
  }

  private Object instantiate(Class<?> type) {
    try {
      for (Constructor<?> constructor : type.getConstructors()) {
        if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Vertx.class) {
          return constructor.newInstance(vertx);
        }
      }
      return type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("services: cannot create " + type.getName()
          + " (it needs a public constructor taking Vertx, or none): " + e, e);
    }
  }

  /**
   * {@code java io.slacker.SlackerServerVerticle app.json}: deploys the configured number of
   * instances (1 by default) and stops gracefully when the JVM is asked to stop.
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java io.slacker.SlackerServerVerticle <config.json>");
      System.exit(2);
    }
    JsonObject config = new JsonObject(Files.readString(Path.of(args[0])));
    int instances = JsonFields.getInteger(config, "instances", 1);
    Vertx vertx = Vertx.vertx();
    // SIGTERM runs the shutdown hooks: closing Vert.x undeploys the servers, which withdraw and drain.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().await();
      } catch (Exception e) {
        System.err.println("Slacker: closing Vert.x failed: " + e);
      }
    }, "slacker-shutdown"));
    try {
      vertx.deployVerticle(SlackerServerVerticle::new, new DeploymentOptions().setConfig(config).setInstances(instances))
          .await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("Slacker: the server did not start: " + e.getMessage());
      System.exit(1);
    }
    System.out.println("Slacker server started: " + config.encode());
  }
}
