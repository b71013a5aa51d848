package io.slacker.impl.server;

import io.slacker.ServiceDefinition;
import io.slacker.ServiceDefinition.ServerMethod;
import io.slacker.SlackerException;
import io.slacker.StatusCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The services a server runs, found by wire id or, for generic callers, by name. */
final class ServiceRegistry {

  private final Map<Integer, ServiceDefinition> byId = new ConcurrentHashMap<>();
  private final Map<String, ServiceDefinition> byName = new ConcurrentHashMap<>();

  synchronized void add(ServiceDefinition service) {
    if (byName.containsKey(service.name())) {
      throw new IllegalArgumentException("a service named '" + service.name() + "' is already registered");
    }
    ServiceDefinition clash = byId.get(service.id());
    if (clash != null) {
      throw new IllegalArgumentException("services '" + clash.name() + "' and '" + service.name()
          + "' hash to the same service id " + service.id() + "; rename one of them");
    }
    byId.put(service.id(), service);
    byName.put(service.name(), service);
  }

  /** @return the services registered, sorted by name */
  List<ServiceDefinition> services() {
    return byName.values().stream().sorted(Comparator.comparing(ServiceDefinition::name)).toList();
  }

  /** @return the service of that name, {@code null} when none is registered */
  ServiceDefinition service(String name) {
    return byName.get(name);
  }

  /** @return whether a service with that id is registered */
  boolean hasService(int serviceId) {
    return byId.containsKey(serviceId);
  }

  ServerMethod find(int serviceId, int methodId) {
    ServiceDefinition service = byId.get(serviceId);
    if (service == null) {
      throw new SlackerException(StatusCode.NOT_FOUND, "no service with id " + serviceId + " on this server");
    }
    ServerMethod method = service.method(methodId);
    if (method == null) {
      throw new SlackerException(StatusCode.NOT_FOUND,
          "service '" + service.name() + "' has no method with id " + methodId);
    }
    return method;
  }

  /** @return every method of that name, overloads in declaration order */
  List<ServerMethod> find(String serviceName, String methodName) {
    ServiceDefinition service = byName.get(serviceName);
    if (service == null) {
      throw new SlackerException(StatusCode.NOT_FOUND, "unknown service '" + serviceName + "'");
    }
    List<ServerMethod> methods = new ArrayList<>(1);
    for (ServerMethod method : service.methods()) {
      if (method.descriptor().methodName().equals(methodName)) {
        methods.add(method);
      }
    }
    if (methods.isEmpty()) {
      throw new SlackerException(StatusCode.NOT_FOUND,
          "service '" + serviceName + "' has no method '" + methodName + "'");
    }
    return methods;
  }
}
