package io.slacker.codegen.model;

import javax.lang.model.element.ExecutableElement;
import java.util.List;

/**
 * A remote method of a service, as the generators need it.
 *
 * @param element the method in the interface
 * @param parameters its parameters, with types resolved against the service interface
 * @param result the type inside the returned {@code Future}, or {@code null} for a one-way {@code void} method
 * @param signature the name and erased parameter types, e.g. {@code getUser(long)}: the source of the method id
 * @param methodId {@code ServiceIds.methodId(signature)}, computed here to detect collisions
 * @param constantName the name of the descriptor constant in the generated binding
 * @param doc the first sentence of the method's Javadoc, {@code null} when it has none
 */
public record ServiceMethod(ExecutableElement element,
                            List<MethodParameter> parameters,
                            ValueType result,
                            MethodOptions options,
                            String signature,
                            int methodId,
                            String constantName,
                            String doc) {

  public String name() {
    return element.getSimpleName().toString();
  }

  public boolean oneWay() {
    return result == null;
  }
}
