package io.slacker;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

  private ServiceDefinition(Builder builder) {
    this.name = builder.name;
    this.id = ServiceIds.serviceId(name);
    this.byId = Collections.unmodifiableMap(new HashMap<>(builder.byId));
    this.bySignature = Collections.unmodifiableMap(new LinkedHashMap<>(builder.bySignature));
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

  /** @return the method with that id, or {@code null} */
  public ServerMethod method(int methodId) {
    return byId.get(methodId);
  }

  public Collection<ServerMethod> methods() {
    return bySignature.values();
  }

  /** A method of the service: what it is and how to run it. */
  public record ServerMethod(MethodDescriptor descriptor, MethodHandler handler) {
  }

  /** Builds a {@link ServiceDefinition}; method ids that collide are rejected here. */
  public static final class Builder {
    private final String name;
    private final Map<Integer, ServerMethod> byId = new HashMap<>();
    private final Map<String, ServerMethod> bySignature = new LinkedHashMap<>();

    private Builder(String name) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("service name must not be empty");
      }
      this.name = name;
    }

    public Builder method(MethodDescriptor descriptor, MethodHandler handler) {
      if (!descriptor.serviceName().equals(name)) {
        throw new IllegalArgumentException("method " + descriptor + " belongs to service '"
            + descriptor.serviceName() + "', not '" + name + "'");
      }
      ServerMethod clash = byId.get(descriptor.methodId());
      if (clash != null) {
        throw new IllegalArgumentException("methods " + clash.descriptor().signature() + " and "
            + descriptor.signature() + " of service '" + name + "' hash to the same method id "
            + descriptor.methodId() + "; rename one of them");
      }
      ServerMethod method = new ServerMethod(descriptor, handler);
      byId.put(descriptor.methodId(), method);
      bySignature.put(descriptor.signature(), method);
      return this;
    }

    public ServiceDefinition build() {
      return new ServiceDefinition(this);
    }
  }
}
