package io.slacker.codegen.sample;

import io.slacker.MethodDescriptor;
import io.slacker.ServiceDefinition;
import io.slacker.ServiceIds;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The signatures hashed at build time are the ones any Java caller would compute from the
 * compiled interface with {@code Class.getName()}, as docs/protocol.md specifies.
 */
class MethodIdTest {

  @Test
  void generatedSignaturesMatchTheCompiledInterface() {
    ServiceDefinition definition = new AllTypesServiceSlackerBinding().createDefinition(new AllTypesServiceImpl());
    Set<String> expected = Arrays.stream(AllTypesService.class.getMethods())
        .filter(m -> Modifier.isAbstract(m.getModifiers()))
        .map(MethodIdTest::signature)
        .collect(Collectors.toSet());
    Set<String> generated = definition.methods().stream()
        .map(method -> method.descriptor().signature())
        .collect(Collectors.toSet());
    assertEquals(expected, generated);
    for (ServiceDefinition.ServerMethod method : definition.methods()) {
      MethodDescriptor descriptor = method.descriptor();
      assertEquals(ServiceIds.methodId(descriptor.signature()), descriptor.methodId());
      assertEquals(ServiceIds.serviceId(AllTypesService.class.getName()), descriptor.serviceId());
    }
  }

  private static String signature(Method method) {
    return method.getName() + Arrays.stream(method.getParameterTypes())
        .map(Class::getName)
        .collect(Collectors.joining(",", "(", ")"));
  }
}
