package io.slacker.codegen;

import io.slacker.codegen.model.MethodParameter;
import io.slacker.codegen.model.ServiceMethod;
import io.slacker.codegen.model.ServiceModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates {@code <Service>SlackerBinding}: the method descriptors that proxy and invoker share,
 * and the {@code ServiceBinding} that creates both. The binding is its own one-entry
 * {@code ServiceIndex}, so that the index of a module's main classes and the index of its test
 * classes never shadow each other, even in the same package.
 */
final class BindingGenerator extends SlackerGenerator {

  private static final String FACTORY = "TYPES";

  BindingGenerator() {
    super("slacker-binding", BINDING_SUFFIX);
  }

  @Override
  void writeClass(ServiceModel model, TypeRenderer types, JavaWriter out) {
    Imports imports = types.imports();
    String service = model.simpleName();
    String binding = imports.name("io.slacker.spi.ServiceBinding");
    out.line("/**")
        .line(" * The Slacker binding of {@link " + service + "}: the method descriptors both sides share, and the")
        .line(" * factories of its client proxy and server definition. Found through")
        .line(" * {@code META-INF/services/io.slacker.spi.ServiceIndex}.")
        .line(" */")
        .open("public final class " + bindingName(model) + " implements " + binding + "<" + service + ">, "
            + imports.name("io.slacker.spi.ServiceIndex"))
        .blank()
        .line("public static final " + imports.name(String.class.getName()) + " SERVICE_NAME = "
            + TypeRenderer.literal(model.serviceName()) + ";")
        .blank()
        .line("private static final " + imports.name("com.fasterxml.jackson.databind.type.TypeFactory") + " " + FACTORY
            + " = " + imports.name("com.fasterxml.jackson.databind.type.TypeFactory") + ".defaultInstance();");
    for (ServiceMethod method : model.methods()) {
      out.blank();
      writeDescriptor(method, types, out);
    }
    for (ServiceMethod method : model.closeMethods()) {
      out.blank();
      writeDescriptor(method, types, out);
    }
    String override = "@" + imports.name(Override.class.getName());
    out.blank()
        .line(override)
        .open("public " + imports.name(Class.class.getName()) + "<" + service + "> serviceInterface()")
        .line("return " + service + ".class;")
        .close()
        .blank()
        .line(override)
        .open("public " + imports.name(String.class.getName()) + " serviceName()")
        .line("return SERVICE_NAME;")
        .close()
        .blank()
        .line(override)
        .open("public " + service + " createProxy(" + imports.name("io.slacker.SlackerClient") + " client, "
            + imports.name("io.slacker.CallOptions") + " defaults)")
        .line("return new " + proxyName(model) + "(client, defaults);")
        .close()
        .blank()
        .line(override)
        .open("public " + imports.name("io.slacker.ServiceDefinition") + " createDefinition(" + service + " implementation)")
        .line("return " + invokerName(model) + ".definition(implementation);")
        .close()
        .blank()
        .line(override)
        .open("public " + imports.name("java.util.List") + "<" + binding + "<?>> bindings()")
        .line("return " + imports.name("java.util.List") + ".of(this);")
        .close()
        .close();
  }

  private void writeDescriptor(ServiceMethod method, TypeRenderer types, JavaWriter out) {
    String descriptor = types.imports().name("io.slacker.MethodDescriptor");
    out.line("/** {@code " + method.signature() + "}, method id " + String.format("0x%08x", method.methodId()) + ". */")
        .line("public static final " + descriptor + " " + method.constantName() + " = " + descriptor + ".builder(SERVICE_NAME, "
            + TypeRenderer.literal(method.name()) + ")")
        .continuation(".signature(" + TypeRenderer.literal(method.signature()) + ")");
    List<String> parameterTypes = new ArrayList<>();
    for (MethodParameter parameter : method.parameters()) {
      parameterTypes.add(types.javaType(parameter.type(), FACTORY));
    }
    if (!parameterTypes.isEmpty()) {
      out.call(".parameterTypes(", parameterTypes, ")", true);
      out.call(".parameterNames(", literals(method.parameters().stream().map(MethodParameter::name).toList()), ")", true);
    }
    if (method.oneWay()) {
      out.continuation(".oneWay(true)");
    } else {
      out.continuation(".returnType(" + types.javaType(method.result(), FACTORY) + ")");
      if (method.result().isService()) {
        out.continuation(".returnsService(true)");
      }
    }
    if (method.options().timeoutMillis() > 0) {
      out.continuation(".timeoutMillis(" + method.options().timeoutMillis() + "L)");
    }
    if (method.options().idempotent()) {
      out.continuation(".idempotent(true)");
    }
    if (method.options().blocking()) {
      out.continuation(".blocking(true)");
    }
    if (method.options().leaderRouted()) {
      out.continuation(".leaderRouted(true)");
    }
    if (!method.options().permissions().isEmpty()) {
      out.call(".permissions(", literals(method.options().permissions()), ")", true);
    }
    if (!method.options().roles().isEmpty()) {
      out.call(".roles(", literals(method.options().roles()), ")", true);
    }
    if (method.doc() != null) {
      out.continuation(".doc(" + TypeRenderer.literal(method.doc()) + ")");
    }
    out.continuation(".build();");
  }

  private static List<String> literals(List<String> names) {
    return names.stream().map(TypeRenderer::literal).toList();
  }
}
