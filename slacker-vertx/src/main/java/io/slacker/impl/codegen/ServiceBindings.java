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
      throw new IllegalArgumentException("no generated Slacker binding for " + serviceInterface.getName() + ": "
          + remedy(serviceInterface));
    }
    return (ServiceBinding<T>) binding;
  }

  /** @return whether {@code serviceInterface} has a generated binding on the class path */
  public static boolean has(Class<?> serviceInterface) {
    return BINDINGS.containsKey(serviceInterface);
  }

  /** In a named module ServiceLoader reads the module's declaration, not its META-INF/services. */
  private static String remedy(Class<?> serviceInterface) {
    Module module = serviceInterface.getModule();
    if (module.isNamed()) {
      return "module " + module.getName() + " must declare it, so add 'provides " + ServiceIndex.class.getName() + " with "
          + serviceInterface.getName() + "SlackerBinding;' to its module-info.java (if the binding was not generated, "
          + "annotate the interface with @SlackerService and add slacker-codegen to the annotation processor path)";
    }
    return "annotate it with @SlackerService (or @ProxyGen) and add slacker-codegen to the annotation processor path";
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
