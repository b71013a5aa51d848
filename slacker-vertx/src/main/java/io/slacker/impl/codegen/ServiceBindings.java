package io.slacker.impl.codegen;

import io.slacker.spi.ServiceBinding;
import io.slacker.spi.ServiceIndex;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The generated bindings of every module on the class path, loaded once. */
public final class ServiceBindings {

  private static final Map<Class<?>, ServiceBinding<?>> BINDINGS = load();

  private ServiceBindings() {
  }

  @SuppressWarnings("unchecked")
  public static <T> ServiceBinding<T> of(Class<T> serviceInterface) {
    ServiceBinding<?> binding = BINDINGS.get(serviceInterface);
    if (binding == null) {
      throw new IllegalArgumentException("no generated Slacker binding for " + serviceInterface.getName()
          + ": annotate it with @SlackerService (or @ProxyGen) and add slacker-codegen to the annotation processor path");
    }
    return (ServiceBinding<T>) binding;
  }

  /** @return whether {@code serviceInterface} has a generated binding on the class path */
  public static boolean has(Class<?> serviceInterface) {
    return BINDINGS.containsKey(serviceInterface);
  }

  private static Map<Class<?>, ServiceBinding<?>> load() {
    Map<Class<?>, ServiceBinding<?>> bindings = new HashMap<>();
    for (ServiceIndex index : ServiceLoader.load(ServiceIndex.class, ServiceBindings.class.getClassLoader())) {
      for (ServiceBinding<?> binding : index.bindings()) {
        bindings.put(binding.serviceInterface(), binding);
      }
    }
    return bindings;
  }
}
