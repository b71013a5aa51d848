package io.slacker.codegen;

import io.slacker.codegen.model.MethodParameter;
import io.slacker.codegen.model.ServiceMethod;
import io.slacker.codegen.model.ServiceModel;
import io.slacker.codegen.model.SkippedMethod;
import io.slacker.codegen.model.ValueType;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates {@code <Service>SlackerProxy}: implements the interface by sending each call through
 * {@code SlackerClient.call(descriptor, args, options)}, converting {@code @DataObject}s to and
 * from JSON on the way.
 */
final class ProxyGenerator extends SlackerGenerator {

  /** The proxy's fields and the lambda parameter of result conversions. */
  private static final Set<String> OWN_IDENTIFIERS = Set.of("client", "defaults", "json");

  ProxyGenerator() {
    super("slacker-proxy", PROXY_SUFFIX);
  }

  /** The proxy implements the service, so the service's member types, own and inherited, are in scope. */
  @Override
  void claimScope(ServiceModel model, Imports imports) {
    for (TypeElement member : ElementFilter.typesIn(env.getElementUtils().getAllMembers(model.getElement()))) {
      imports.inScope(member);
    }
  }

  /**
   * Written twice: a parameter must not be named like an identifier the class starts a name with
   * ({@code client}, a type, a package), and those are all known only once the class is written.
   */
  @Override
  void writeClass(ServiceModel model, TypeRenderer types, JavaWriter out) {
    writeClass(model, types, new JavaWriter(), Set.of());
    writeClass(model, types, out, types.imports().leadingIdentifiers());
  }

  private void writeClass(ServiceModel model, TypeRenderer types, JavaWriter out, Set<String> taken) {
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
        .line("private final " + options + " defaults;");
    if (!model.closeMethods().isEmpty()) {
      // As vertx-service-proxy's proxies: once closed, a proxy sends nothing more.
      out.line("private volatile boolean closed;");
    }
    out.blank()
        .open(proxyName(model) + "(" + client + " client, " + options + " defaults)")
        .line("this.client = client;")
        .line("this.defaults = defaults;")
        .close();
    for (ServiceMethod method : model.methods()) {
      out.blank();
      writeMethod(model, method, types, out, taken);
    }
    for (ExecutableElement method : model.ignoredMethods()) {
      out.blank();
      writeLocalMethod(model, method, types, out);
    }
    for (ServiceMethod method : model.closeMethods()) {
      out.blank();
      writeCloseMethod(model, method, types, out);
    }
    for (SkippedMethod skipped : model.skippedMethods()) {
      out.blank();
      writeSkippedMethod(model, skipped, types, out);
    }
    out.close();
  }

  private void writeMethod(ServiceModel model, ServiceMethod method, TypeRenderer types, JavaWriter out,
                           Set<String> taken) {
    ExecutableType type = memberType(model, method.element());
    Map<String, String> names = variableNames(method, taken);
    List<String> args = new ArrayList<>();
    for (MethodParameter parameter : method.parameters()) {
      args.add(WireConversions.toWire(names.get(parameter.name()), parameter.type(), types));
    }
    String descriptor = bindingName(model) + "." + method.constantName();
    String object = types.imports().name(Object.class.getName());
    String argsArray = args.isEmpty() ? "new " + object + "[0]" : "new " + object + "[] {" + String.join(", ", args) + "}";

    List<String> callArgs = List.of(descriptor, argsArray, "defaults");
    out.line("@" + types.imports().name(Override.class.getName()));
    out.open("public " + types.source(type.getReturnType()) + " " + method.name() + "("
        + parameters(method.element(), type, types, names) + ")");
    if (!model.closeMethods().isEmpty()) {
      out.line(method.oneWay()
          ? "if (closed) throw new " + types.imports().name(IllegalStateException.class.getName()) + "(\"Proxy is closed\");"
          : "if (closed) return " + types.imports().name("io.vertx.core.Future") + ".failedFuture(\"Proxy is closed\");");
    }
    // A @ProxyGen service's callers expect vertx-service-proxy's ServiceException for its failures.
    String wrap = model.isProxyGen() ? types.imports().name("io.slacker.impl.codegen.ServiceProxyFailures") + ".forProxyGen(" : "";
    String unwrap = model.isProxyGen() ? ")" : "";
    if (method.oneWay()) {
      out.call("client.call(", callArgs, ");", false);
    } else if (method.result().shape() == ValueType.Shape.PLAIN) {
      out.call("return " + wrap + "client.call(", callArgs, ")" + unwrap + ";", false);
    } else {
      out.call("return " + wrap + "client.<" + WireConversions.wireSource(method.result(), types) + ">call(", callArgs, ")", false);
      out.continuation(".map(json -> " + WireConversions.fromWire("json", method.result(), types) + ")" + unwrap + ";");
    }
    out.close();
  }

  /**
   * @return each parameter's name in the proxy: its own, unless the method body needs that
   *     identifier for something else; then with underscores added until it is free
   */
  private static Map<String, String> variableNames(ServiceMethod method, Set<String> taken) {
    Set<String> used = new HashSet<>(OWN_IDENTIFIERS);
    used.addAll(taken);
    method.parameters().forEach(p -> used.add(p.name()));
    Map<String, String> names = new HashMap<>();
    for (MethodParameter parameter : method.parameters()) {
      String name = parameter.name();
      if (OWN_IDENTIFIERS.contains(name) || taken.contains(name)) {
        while (!used.add(name)) {
          name += "_";
        }
      }
      names.put(parameter.name(), name);
    }
    return names;
  }

  /**
   * Closes the proxy. The proxy of a shared service sends nothing: the connection belongs to the
   * SlackerClient, and the implementation to every caller of the server. The proxy of a service
   * instance calls the method on the instance, which releases it.
   */
  private void writeCloseMethod(ServiceModel model, ServiceMethod method, TypeRenderer types, JavaWriter out) {
    ExecutableType type = memberType(model, method.element());
    String close = types.imports().name("io.slacker.impl.client.ServiceInstanceClient") + ".close(client, "
        + bindingName(model) + "." + method.constantName() + ", defaults)";
    out.line("@" + types.imports().name(Override.class.getName()))
        .open("public " + types.source(type.getReturnType()) + " " + method.name() + "()")
        .line(method.oneWay() ? "if (closed) return;"
            : "if (closed) return " + types.imports().name("io.vertx.core.Future") + ".succeededFuture();")
        .line("closed = true;")
        .line((method.oneWay() ? "" : "return ") + close + ";")
        .close();
  }

  /** A method the proxy answers itself: it is marked {@code @ProxyIgnore}. */
  private void writeLocalMethod(ServiceModel model, ExecutableElement method, TypeRenderer types, JavaWriter out) {
    ExecutableType type = memberType(model, method);
    Map<String, String> names = new HashMap<>();
    method.getParameters().forEach(p -> names.put(p.getSimpleName().toString(), p.getSimpleName().toString()));
    out.line("@" + types.imports().name(Override.class.getName()))
        .open("public " + types.typeParameters(method) + types.source(type.getReturnType()) + " " + method.getSimpleName()
            + "(" + parameters(method, type, types, names) + ")");
    if (type.getReturnType().getKind() == TypeKind.VOID) {
      // As in event-bus proxies: an ignored void method does nothing remotely.
      out.line("// @ProxyIgnore: not sent to the server.");
    } else {
      out.line("throw new " + types.imports().name(UnsupportedOperationException.class.getName()) + "("
          + TypeRenderer.literal(model.simpleName() + "." + method.getSimpleName()
          + " is marked @ProxyIgnore: it cannot be called through a Slacker proxy") + ");");
    }
    out.close();
  }

  /** A method Slacker cannot carry: calling it through Slacker fails at once, saying why. */
  private void writeSkippedMethod(ServiceModel model, SkippedMethod skipped, TypeRenderer types, JavaWriter out) {
    ExecutableElement method = skipped.element();
    ExecutableType type = memberType(model, method);
    Map<String, String> names = new HashMap<>();
    method.getParameters().forEach(p -> names.put(p.getSimpleName().toString(), p.getSimpleName().toString()));
    String failure = "new " + types.imports().name(UnsupportedOperationException.class.getName()) + "("
        + TypeRenderer.literal(model.simpleName() + "." + method.getSimpleName() + " is not served over Slacker: "
        + skipped.reason()) + ")";
    out.line("@" + types.imports().name(Override.class.getName()))
        .open("public " + types.typeParameters(method) + types.source(type.getReturnType()) + " " + method.getSimpleName()
            + "(" + parameters(method, type, types, names) + ")");
    if (env.getTypeUtils().isSameType(env.getTypeUtils().erasure(type.getReturnType()),
        env.getTypeUtils().erasure(env.getElementUtils().getTypeElement("io.vertx.core.Future").asType()))) {
      out.line("return " + types.imports().name("io.vertx.core.Future") + ".failedFuture(" + failure + ");");
    } else {
      out.line("throw " + failure + ";");
    }
    out.close();
  }

  private ExecutableType memberType(ServiceModel model, ExecutableElement method) {
    return (ExecutableType) env.getTypeUtils().asMemberOf((DeclaredType) model.getElement().asType(), method);
  }

  private static String parameters(ExecutableElement method, ExecutableType type, TypeRenderer types,
                                   Map<String, String> names) {
    List<String> declarations = new ArrayList<>();
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      TypeMirror parameterType = type.getParameterTypes().get(i);
      boolean varArgs = method.isVarArgs() && i == parameters.size() - 1;
      String typeText = varArgs ? types.source(((ArrayType) parameterType).getComponentType()) + "..." : types.source(parameterType);
      declarations.add(typeText + " " + names.get(parameters.get(i).getSimpleName().toString()));
    }
    return String.join(", ", declarations);
  }
}
