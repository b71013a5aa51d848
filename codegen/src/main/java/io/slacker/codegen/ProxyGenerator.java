package io.slacker.codegen;

import io.slacker.codegen.model.MethodParameter;
import io.slacker.codegen.model.ServiceMethod;
import io.slacker.codegen.model.ServiceModel;
import io.slacker.codegen.model.ValueType;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates {@code <Service>SlackerProxy}: implements the interface by sending each call through
 * {@code SlackerClient.call(descriptor, args, options)}, converting {@code @DataObject}s to and
 * from JSON on the way.
 */
final class ProxyGenerator extends SlackerGenerator {

  ProxyGenerator() {
    super("slacker-proxy", PROXY_SUFFIX);
  }

  @Override
  void writeClass(ServiceModel model, TypeRenderer types, JavaWriter out) {
    Imports imports = types.imports();
    String client = imports.name("io.slacker.SlackerClient");
    String options = imports.name("io.slacker.CallOptions");
    out.line("/**")
        .line(" * The Slacker client proxy of {@link " + model.simpleName() + "}: each method is one call through")
        .line(" * {@link " + client + "}, identified by its method id.")
        .line(" */")
        .open("final class " + proxyName(model) + " implements " + model.simpleName())
        .blank()
        .line("private final " + client + " client;")
        .line("private final " + options + " defaults;")
        .blank()
        .open(proxyName(model) + "(" + client + " client, " + options + " defaults)")
        .line("this.client = client;")
        .line("this.defaults = defaults;")
        .close();
    for (ServiceMethod method : model.methods()) {
      out.blank();
      writeMethod(model, method, types, out);
    }
    for (ExecutableElement method : model.ignoredMethods()) {
      out.blank();
      writeIgnoredMethod(model, method, types, out);
    }
    out.close();
  }

  private void writeMethod(ServiceModel model, ServiceMethod method, TypeRenderer types, JavaWriter out) {
    ExecutableType type = memberType(model, method.element());
    List<String> names = new ArrayList<>();
    method.parameters().forEach(p -> names.add(p.name()));
    // A parameter may be called "client" or "defaults" too.
    String self = names.contains("client") || names.contains("defaults") ? "this." : "";
    List<String> args = new ArrayList<>();
    for (MethodParameter parameter : method.parameters()) {
      args.add(WireConversions.toWire(parameter.name(), parameter.type(), types));
    }
    String descriptor = bindingName(model) + "." + method.constantName();
    String argsArray = args.isEmpty() ? "new Object[0]" : "new Object[] {" + String.join(", ", args) + "}";

    List<String> callArgs = List.of(descriptor, argsArray, self + "defaults");
    out.line("@Override");
    out.open("public " + types.source(type.getReturnType()) + " " + method.name() + "(" + parameters(method.element(), type, types) + ")");
    if (method.oneWay()) {
      out.call(self + "client.call(", callArgs, ");", false);
    } else if (method.result().shape() == ValueType.Shape.PLAIN) {
      out.call("return " + self + "client.call(", callArgs, ");", false);
    } else {
      String json = names.contains("json") ? "wireResult" : "json";
      out.call("return " + self + "client.<" + WireConversions.wireSource(method.result(), types) + ">call(", callArgs, ")", false);
      out.continuation(".map(" + json + " -> " + WireConversions.fromWire(json, method.result(), types) + ");");
    }
    out.close();
  }

  private void writeIgnoredMethod(ServiceModel model, ExecutableElement method, TypeRenderer types, JavaWriter out) {
    ExecutableType type = memberType(model, method);
    out.line("@Override")
        .open("public " + types.typeParameters(method) + types.source(type.getReturnType()) + " " + method.getSimpleName()
            + "(" + parameters(method, type, types) + ")");
    if (type.getReturnType().getKind() == TypeKind.VOID) {
      // As in event-bus proxies: an ignored void method does nothing remotely.
      out.line("// @ProxyIgnore: not sent to the server.");
    } else {
      out.line("throw new UnsupportedOperationException(" + TypeRenderer.literal(model.simpleName() + "."
          + method.getSimpleName() + " is marked @ProxyIgnore: it cannot be called through a Slacker proxy") + ");");
    }
    out.close();
  }

  private ExecutableType memberType(ServiceModel model, ExecutableElement method) {
    return (ExecutableType) env.getTypeUtils().asMemberOf((DeclaredType) model.getElement().asType(), method);
  }

  private static String parameters(ExecutableElement method, ExecutableType type, TypeRenderer types) {
    List<String> declarations = new ArrayList<>();
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      TypeMirror parameterType = type.getParameterTypes().get(i);
      boolean varArgs = method.isVarArgs() && i == parameters.size() - 1;
      String typeText = varArgs ? types.source(((ArrayType) parameterType).getComponentType()) + "..." : types.source(parameterType);
      declarations.add(typeText + " " + parameters.get(i).getSimpleName());
    }
    return String.join(", ", declarations);
  }
}
