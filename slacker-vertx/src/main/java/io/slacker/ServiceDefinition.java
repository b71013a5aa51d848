package io.slacker;

import java.util.Collection;
import java.util.Collections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service as the server sees it: its name and, for each method, the descriptor and the handler
 * that runs it. Generated invokers produce one from an implementation; a hand-written service
 * is put together with {@link #builder(String)}.
 */
public final class ServiceDefinition {

  private final String name;
  private final int id;
  private final Map<Integer, ServerMethod> byId;
  private final Map<String, ServerMethod> bySignature;
  private final List<ServerMethod> closeMethods;

  private ServiceDefinition(Builder builder) {
    this.name = builder.name;
    this.id = ServiceIds.serviceId(name);
    this.byId = Collections.unmodifiableMap(new HashMap<>(builder.byId));
    this.bySignature = Collections.unmodifiableMap(new LinkedHashMap<>(builder.bySignature));
    this.closeMethods = List.copyOf(builder.closeMethods);
  }

  public static Builder builder(String serviceName) {
    return new Builder(serviceName);
  }

  public String name() {
    return name;
  }

  public int id() {
    return id;
  }

  /** @return the method with that id, or {@code null}; close methods are not among them */
  public ServerMethod method(int methodId) {
    return byId.get(methodId);
  }

  /** @return the method with that id, close methods included: what an instance of the service answers */
  public ServerMethod instanceMethod(int methodId) {
    ServerMethod method = byId.get(methodId);
    if (method == null) {
      for (ServerMethod close : closeMethods) {
        if (close.descriptor().methodId() == methodId) {
          return close;
        }
      }
    }
    return method;
  }

  public Collection<ServerMethod> methods() {
    return bySignature.values();
  }

  /**
   * @return the methods that close an instance of the service ({@code @ProxyClose}), in
   *     declaration order: callable on a service instance only (docs/protocol.md §12), never on the
   *     service the server shares between its callers
   */
  public List<ServerMethod> closeMethods() {
    return closeMethods;
  }

  /** A method of the service: what it is and how to run it. */
  public record ServerMethod(MethodDescriptor descriptor, MethodHandler handler) {
  }

  /** Builds a {@link ServiceDefinition}; method ids that collide are rejected here. */
  public static final class Builder {
    private final String name;
    private final Map<Integer, ServerMethod> byId = new HashMap<>();
    private final Map<String, ServerMethod> bySignature = new LinkedHashMap<>();
    private final List<ServerMethod> closeMethods = new ArrayList<>();

    private Builder(String name) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("service name must not be empty");
      }
      this.name = name;
    }

    public Builder method(MethodDescriptor descriptor, MethodHandler handler) {
      checkNew(descriptor);
      ServerMethod method = new ServerMethod(descriptor, handler);
      byId.put(descriptor.methodId(), method);
      bySignature.put(descriptor.signature(), method);
      return this;
    }

    /**
     * A method that closes an instance of this service, as {@code @ProxyClose} marks it: run when
     * the instance's caller calls it, and when the server releases the instance on its own (the
     * connection closed, the instance was idle), with no arguments. A service the server shares
     * between callers never runs it.
     */
    public Builder closeMethod(MethodDescriptor descriptor, MethodHandler handler) {
      checkNew(descriptor);
      if (descriptor.parameterCount() != 0) {
        throw new IllegalArgumentException("close method " + descriptor + " must take no parameters");
      }
      closeMethods.add(new ServerMethod(descriptor, handler));
      return this;
    }

    private void checkNew(MethodDescriptor descriptor) {
      if (!descriptor.serviceName().equals(name)) {
        throw new IllegalArgumentException("method " + descriptor + " belongs to service '"
            + descriptor.serviceName() + "', not '" + name + "'");
      }
      ServerMethod clash = byId.get(descriptor.methodId());
      for (ServerMethod close : closeMethods) {
        clash = close.descriptor().methodId() == descriptor.methodId() ? close : clash;
      }
      if (clash != null) {
        throw new IllegalArgumentException("methods " + clash.descriptor().signature() + " and "
            + descriptor.signature() + " of service '" + name + "' hash to the same method id "
            + descriptor.methodId() + "; rename one of them");
      }
    }

    public ServiceDefinition build() {
      return new ServiceDefinition(this);
    }
  }
}
