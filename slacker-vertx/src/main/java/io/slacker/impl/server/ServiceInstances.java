package io.slacker.impl.server;

import io.slacker.MethodDescriptor;
import io.slacker.ServiceDefinition;
import io.slacker.ServiceDefinition.ServerMethod;
import io.slacker.ServiceIds;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.impl.codegen.ServiceBindings;
import io.slacker.spi.ServiceBinding;
import io.vertx.core.Future;
import io.vertx.core.internal.ContextInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The service instances one connection holds: services that its caller's calls returned
 * ({@code Future<Connection> connect()}), each kept for that caller alone until it closes the
 * instance, the instance stays idle too long, or the connection closes (docs/protocol.md §12).
 * Touched on the connection's event loop only.
 */
final class ServiceInstances {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceInstances.class);
  private static final int RELEASED_KEPT = 64;

  private final ServiceRegistry shared;
  private final ContextInternal context;
  private final int maxInstances;
  private final long idleTimeoutNanos;
  private final String remote;
  private final Map<Integer, Instance> byId = new HashMap<>();
  private final Map<String, Instance> byName = new HashMap<>();
  /** Why the instances released last went, by service id, so that a late call is told. */
  private final Map<Integer, String> released = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, String> eldest) {
      return size() > RELEASED_KEPT;
    }
  };
  private long idleTimer = -1;
  private boolean closed;

  private static final class Instance {
    final String name;
    /** The service id calls to it carry: the hash of its name. */
    final int id;
    final ServiceDefinition definition;
    long lastUsed = System.nanoTime();

    Instance(String name, int id, ServiceDefinition definition) {
      this.name = name;
      this.id = id;
      this.definition = definition;
    }
  }

  ServiceInstances(ServiceRegistry shared, ContextInternal context, int maxInstances, long idleTimeoutMillis,
                   String remote) {
    this.shared = shared;
    this.context = context;
    this.maxInstances = maxInstances;
    this.idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeoutMillis);
    this.remote = remote;
  }

  /**
   * Keeps {@code implementation}, which {@code method} returned, for this connection.
   *
   * @return the instance's name, the method's answer on the wire
   * @throws SlackerException OVERLOADED when the connection holds its maximum already, INTERNAL
   *     when the returned interface has no generated binding; the implementation is closed then
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  String export(MethodDescriptor method, Object implementation) {
    ServiceDefinition definition;
    try {
      ServiceBinding binding = ServiceBindings.of(method.returnType().getRawClass());
      definition = binding.createDefinition(implementation);
    } catch (RuntimeException e) {
      throw new SlackerException(StatusCode.INTERNAL, method + " returned a service Slacker cannot serve: " + e.getMessage());
    }
    if (closed) {
      close(definition, "its connection closed before it was answered");
      throw new SlackerException(StatusCode.CANCELLED, "the connection closed");
    }
    if (byId.size() >= maxInstances) {
      close(definition, "over the connection's maximum of service instances");
      throw new SlackerException(StatusCode.OVERLOADED, method + " returned a service instance, but this connection "
          + "holds " + byId.size() + " already, its maximum (ServerLimitsOptions.maxServiceInstances): close some first; "
          + "the instance it returned was closed");
    }
    String name;
    int id;
    do {
      name = definition.name() + "#" + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
      id = ServiceIds.serviceId(name);
    } while (byName.containsKey(name) || byId.containsKey(id) || shared.hasService(id));
    Instance instance = new Instance(name, id, definition);
    byId.put(id, instance);
    byName.put(name, instance);
    scheduleIdleCheck();
    return name;
  }

  /** @return the method of the instance with that id, {@code null} when this connection holds no such instance */
  ServerMethod find(int serviceId, int methodId) {
    Instance instance = byId.get(serviceId);
    if (instance == null) {
      String gone = released.get(serviceId);
      if (gone != null) {
        throw new SlackerException(StatusCode.NOT_FOUND, gone);
      }
      return null;
    }
    ServerMethod method = instance.definition.instanceMethod(methodId);
    if (method == null) {
      throw new SlackerException(StatusCode.NOT_FOUND, "service instance '" + instance.name + "' has no method with id " + methodId);
    }
    return used(instance, method);
  }

  /** @return every method of that name of the named instance, {@code null} when this connection holds no such instance */
  List<ServerMethod> find(String name, String methodName) {
    Instance instance = byName.get(name);
    if (instance == null) {
      String gone = released.get(ServiceIds.serviceId(name));
      if (gone != null) {
        throw new SlackerException(StatusCode.NOT_FOUND, gone);
      }
      return null;
    }
    List<ServerMethod> methods = new ArrayList<>(1);
    for (ServerMethod method : instance.definition.methods()) {
      if (method.descriptor().methodName().equals(methodName)) {
        methods.add(used(instance, method));
      }
    }
    for (ServerMethod method : instance.definition.closeMethods()) {
      if (method.descriptor().methodName().equals(methodName)) {
        methods.add(used(instance, method));
      }
    }
    if (methods.isEmpty()) {
      throw new SlackerException(StatusCode.NOT_FOUND, "service instance '" + name + "' has no method '" + methodName + "'");
    }
    return methods;
  }

  /** @return why a call to {@code name} found nothing, for a name that looks like an instance's */
  static String unknown(String name) {
    return "no service instance '" + name + "' on this connection: it was closed, released after being idle, "
        + "or its connection closed (an instance belongs to the connection whose call returned it)";
  }

  /**
   * A call to an instance counts as use; a call to its close method releases it as the call
   * starts, so that no later call reaches it, and runs the method.
   */
  private ServerMethod used(Instance instance, ServerMethod method) {
    instance.lastUsed = System.nanoTime();
    if (!instance.definition.closeMethods().contains(method)) {
      return method;
    }
    return new ServerMethod(method.descriptor(), args -> {
      remove(instance, "its caller closed it");
      return method.handler().invoke(args);
    });
  }

  /** The connection closed: every instance it holds is closed, and any returned later too. */
  void closeAll() {
    closed = true;
    context.owner().cancelTimer(idleTimer);
    List<Instance> open = new ArrayList<>(byId.values());
    byId.clear();
    byName.clear();
    for (Instance instance : open) {
      close(instance.definition, "its connection closed");
    }
  }

  private void remove(Instance instance, String why) {
    byId.remove(instance.id);
    byName.remove(instance.name);
    released.put(instance.id, "no service instance '" + instance.name + "' on this connection "
        + "any more: it was released, " + why);
  }

  /** One timer for the connection, set for the instance that would expire first. */
  private void scheduleIdleCheck() {
    if (idleTimeoutNanos == 0 || idleTimer != -1 || byId.isEmpty()) {
      return;
    }
    long oldest = Long.MAX_VALUE;
    long now = System.nanoTime();
    for (Instance instance : byId.values()) {
      oldest = Math.min(oldest, instance.lastUsed - now);
    }
    long delayMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(oldest + idleTimeoutNanos) + 1);
    idleTimer = context.setTimer(delayMillis, t -> {
      idleTimer = -1;
      releaseIdle();
    });
  }

  private void releaseIdle() {
    if (closed) {
      return;
    }
    long now = System.nanoTime();
    for (Instance instance : new ArrayList<>(byId.values())) {
      if (now - instance.lastUsed >= idleTimeoutNanos) {
        String why = "as it had no call for " + TimeUnit.NANOSECONDS.toMillis(idleTimeoutNanos)
            + " ms (ServerLimitsOptions.serviceInstanceIdleTimeoutMillis)";
        remove(instance, why);
        close(instance.definition, why);
      }
    }
    scheduleIdleCheck();
  }

  /** Runs the instance's first close method, if it has one: the server releases it on its caller's behalf. */
  private void close(ServiceDefinition definition, String why) {
    LOG.debug("Service instance of {} for {} released: {}", definition.name(), remote, why);
    if (definition.closeMethods().isEmpty()) {
      return;
    }
    ServerMethod close = definition.closeMethods().get(0);
    Future<?> closing;
    if (close.descriptor().blocking()) {
      Future<Future<?>> ran = context.executeBlocking(() -> close.handler().invoke(new Object[0]));
      closing = ran.compose(f -> f == null ? Future.succeededFuture() : f.mapEmpty());
    } else {
      try {
        closing = (Future<?>) close.handler().invoke(new Object[0]);
      } catch (Throwable e) {
        closing = Future.failedFuture(e);
      }
    }
    if (closing != null) {
      closing.onFailure(e -> LOG.warn("Closing a service instance of {} for {} ({}) failed", definition.name(), remote, why, e));
    }
  }
}
