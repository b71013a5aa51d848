package io.slacker.codegen;

import io.slacker.codegen.model.ServiceMethod;
import io.slacker.codegen.model.ServiceModel;
import io.slacker.codegen.model.ValueType;

import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates {@code <Service>SlackerInvoker}: the {@code ServiceDefinition} that maps each method
 * id to a handler casting the decoded arguments to their declared types and calling the
 * implementation.
 */
final class InvokerGenerator extends SlackerGenerator {

  InvokerGenerator() {
    super("slacker-invoker", INVOKER_SUFFIX);
  }

  @Override
  void writeClass(ServiceModel model, TypeRenderer types, JavaWriter out) {
    Imports imports = types.imports();
    String definition = imports.name("io.slacker.ServiceDefinition");
    out.line("/**")
        .line(" * The server side of {@link " + model.simpleName() + "}: runs an implementation's methods with the")
        .line(" * arguments decoded into their declared types.")
        .line(" */")
        .open("final class " + invokerName(model))
        .blank()
        .open("private " + invokerName(model) + "()")
        .close()
        .blank();
    if (model.methods().stream().anyMatch(InvokerGenerator::needsUncheckedCast)) {
      out.line("// The serializer decoded each argument into its declared generic type: the casts are safe.");
      out.line("@" + imports.name(SuppressWarnings.class.getName()) + "(\"unchecked\")");
    }
    out.open("static " + definition + " definition(" + model.simpleName() + " impl)")
        .line("return " + definition + ".builder(" + bindingName(model) + ".SERVICE_NAME)");
    for (ServiceMethod method : model.methods()) {
      writeMethod(model, method, types, out);
    }
    for (ServiceMethod method : model.closeMethods()) {
      // Run only on a service instance its caller closes, or that the server releases.
      String prefix = ".closeMethod(" + bindingName(model) + "." + method.constantName() + ", args -> ";
      if (method.oneWay()) {
        out.continuation(prefix + "{");
        out.continuation("  impl." + method.name() + "();");
        out.continuation("  return " + types.imports().name("io.vertx.core.Future") + ".succeededFuture();");
        out.continuation("})");
      } else {
        out.continuation(prefix + "impl." + method.name() + "())");
      }
    }
    out.continuation(".build();")
        .close()
        .close();
  }

  private void writeMethod(ServiceModel model, ServiceMethod method, TypeRenderer types, JavaWriter out) {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < method.parameters().size(); i++) {
      args.add(argument(i, method.parameters().get(i).type(), types));
    }
    String prefix = ".method(" + bindingName(model) + "." + method.constantName() + ", args -> ";
    if (method.oneWay()) {
      out.continuation(prefix + "{");
      out.call("  impl." + method.name() + "(", args, ");", true);
      out.continuation("  return " + types.imports().name("io.vertx.core.Future") + ".succeededFuture();");
      out.continuation("})");
    } else if (method.result().shape() == ValueType.Shape.PLAIN) {
      out.call(prefix + "impl." + method.name() + "(", args, "))", true);
    } else {
      out.call(prefix + "impl." + method.name() + "(", args, ")", true);
      out.continuation("    .map(result -> " + WireConversions.toWire("result", method.result(), types) + "))");
    }
  }

  /** @return {@code args[index]} cast to the declared type, converted from JSON for {@code @DataObject}s */
  private static String argument(int index, ValueType type, TypeRenderer types) {
    String arg = "args[" + index + "]";
    if (type.shape() == ValueType.Shape.PLAIN) {
      return "(" + types.source(type.type()) + ") " + arg;
    }
    if (type.shape() == ValueType.Shape.DATA_OBJECT) {
      String json = types.imports().name(type.jsonForm());
      return arg + " == null ? null : " + (type.converter() == null
          ? "new " + types.dataObjectName(type) + "((" + json + ") " + arg + ")"
          : WireConversions.reader(type, types) + ".apply((" + json + ") " + arg + ")");
    }
    return WireConversions.fromWire("(" + WireConversions.wireSource(type, types) + ") " + arg, type, types);
  }

  private static boolean needsUncheckedCast(ServiceMethod method) {
    return method.parameters().stream().anyMatch(p -> p.type().type().getKind() == TypeKind.DECLARED
        && (!((DeclaredType) p.type().type()).getTypeArguments().isEmpty()));
  }
}
