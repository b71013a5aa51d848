package io.slacker.codegen.model;

import io.slacker.ServiceIds;
import io.slacker.annotations.Blocking;
import io.slacker.annotations.Idempotent;
import io.slacker.annotations.LeaderRouted;
import io.slacker.annotations.RequiresPermission;
import io.slacker.annotations.RequiresRole;
import io.slacker.annotations.SlackerService;
import io.slacker.annotations.Timeout;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a service interface and turns its abstract methods into {@link ServiceMethod}s. Every
 * problem names the interface and the method and says how to fix it.
 */
final class ServiceAnalyzer {

  private static final String FUTURE = "io.vertx.core.Future";
  private static final String PROXY_GEN = "io.vertx.codegen.annotations.ProxyGen";
  private static final String PROXY_IGNORE = "io.vertx.codegen.annotations.ProxyIgnore";
  private static final String PROXY_CLOSE = "io.vertx.codegen.annotations.ProxyClose";
  /** The largest timeout the wire carries: an unsigned 32-bit number of milliseconds. */
  private static final long MAX_TIMEOUT_MILLIS = 0xFFFF_FFFFL;

  private final TypeElement service;
  private final Elements elements;
  private final Types types;
  private final TypeRules rules;
  private final InterfaceMethods members;
  private final List<ServiceMethod> methods = new ArrayList<>();
  private final List<ExecutableElement> ignoredMethods = new ArrayList<>();
  private final List<ServiceMethod> closeMethods = new ArrayList<>();
  private final List<SkippedMethod> skippedMethods = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private String serviceName;

  ServiceAnalyzer(ProcessingEnvironment env, TypeElement service) {
    this.service = service;
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.rules = new TypeRules(env);
    this.members = new InterfaceMethods(service, elements, types);
  }

  void analyze() {
    reportNestedServices(service);
    if (service.getAnnotation(SlackerService.class) == null && !TypeRules.hasAnnotation(service, Set.of(PROXY_GEN))) {
      return;
    }
    String name = service.getQualifiedName().toString();
    if (service.getKind() != ElementKind.INTERFACE) {
      problems.add(new Problem(service, name + " is a " + service.getKind().toString().toLowerCase()
          + ", but a Slacker service is an interface: declare " + service.getSimpleName() + " as an interface"));
      return;
    }
    if (!service.getTypeParameters().isEmpty()) {
      problems.add(new Problem(service, name + " declares type parameters, but a Slacker service decodes values "
          + "into concrete types: extend it with a non-generic interface, e.g. interface UserStore extends "
          + service.getSimpleName() + "<User>, and annotate that one"));
      return;
    }
    SlackerService annotation = service.getAnnotation(SlackerService.class);
    serviceName = annotation == null || annotation.name().isEmpty() ? name : annotation.name();
    boolean lenient = annotation == null;

    List<Draft> drafts = new ArrayList<>();
    List<Draft> closeDrafts = new ArrayList<>();
    for (ExecutableElement method : members.abstractMethods()) {
      if (TypeRules.hasAnnotation(method, Set.of(PROXY_IGNORE))) {
        ignoredMethods.add(method);
      } else if (closesProxy(method)) {
        // Sent only by the proxy of a service instance, which it releases (docs/protocol.md §12).
        if (checkClose(method)) {
          Draft draft = draft(method);
          if (draft != null) {
            closeDrafts.add(draft);
          }
        }
      } else {
        int before = problems.size();
        Draft draft = draft(method);
        if (lenient && problems.size() > before) {
          // A @ProxyGen interface is vertx-service-proxy's first: what Slacker cannot carry stays out of Slacker only.
          List<Problem> own = problems.subList(before, problems.size());
          skippedMethods.add(new SkippedMethod(method, own.stream().map(Problem::message).collect(Collectors.joining("; "))));
          own.clear();
        } else if (draft != null) {
          drafts.add(draft);
        }
      }
    }
    List<Draft> all = new ArrayList<>(drafts);
    all.addAll(closeDrafts);
    checkMethodIds(all);
    Map<String, String> constantNames = constantNames(all);
    drafts.forEach(draft -> methods.add(method(draft, constantNames)));
    closeDrafts.forEach(draft -> closeMethods.add(method(draft, constantNames)));
  }

  private ServiceMethod method(Draft draft, Map<String, String> constantNames) {
    return new ServiceMethod(draft.element, draft.parameters, draft.result, draft.options, draft.signature,
        draft.methodId, constantNames.get(draft.signature), JavadocSummary.of(elements.getDocComment(draft.element)));
  }

  private void reportNestedServices(TypeElement type) {
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      if (nested.getAnnotation(SlackerService.class) != null) {
        problems.add(new Problem(nested, nested.getQualifiedName() + " is nested in " + type.getQualifiedName()
            + ", but only top-level types are processed: move " + nested.getSimpleName() + " to its own file"));
      }
      reportNestedServices(nested);
    }
  }

  String serviceName() {
    return serviceName;
  }

  List<ServiceMethod> methods() {
    return methods;
  }

  List<ExecutableElement> ignoredMethods() {
    return ignoredMethods;
  }

  List<ServiceMethod> closeMethods() {
    return closeMethods;
  }

  /** @return the methods of a {@code @ProxyGen} interface that Slacker leaves out, with why */
  List<SkippedMethod> skippedMethods() {
    return skippedMethods;
  }

  List<Problem> problems() {
    return problems;
  }

  /** A method that passed its own checks, before ids and constant names are settled across methods. */
  private record Draft(ExecutableElement element, List<MethodParameter> parameters, ValueType result,
                       MethodOptions options, String signature, int methodId) {
  }

  /**
   * {@code @ProxyClose}, or the {@code close()} of an {@code AutoCloseable} service: closing a
   * proxy must not close the implementation that every client of the server shares.
   */
  private boolean closesProxy(ExecutableElement method) {
    if (TypeRules.hasAnnotation(method, Set.of(PROXY_CLOSE))) {
      return true;
    }
    TypeElement autoCloseable = elements.getTypeElement(AutoCloseable.class.getName());
    return method.getSimpleName().contentEquals("close") && method.getParameters().isEmpty()
        && types.isAssignable(service.asType(), autoCloseable.asType());
  }

  /** @return whether the close method has the shape a proxy can close with */
  private boolean checkClose(ExecutableElement method) {
    TypeMirror result = method.getReturnType();
    boolean futureOfVoid = result.getKind() == TypeKind.DECLARED
        && TypeRules.qualifiedName((DeclaredType) result).equals(FUTURE)
        && ((DeclaredType) result).getTypeArguments().size() == 1
        && types.isSameType(((DeclaredType) result).getTypeArguments().get(0),
        elements.getTypeElement(Void.class.getName()).asType());
    if (!method.getParameters().isEmpty() || (result.getKind() != TypeKind.VOID && !futureOfVoid)) {
      problems.add(new Problem(method, service.getQualifiedName() + "." + method.getSimpleName() + " is marked "
          + "@ProxyClose, which closes the proxy (and, on the proxy of a returned service instance, releases that "
          + "instance): declare it void "
          + method.getSimpleName() + "() or Future<Void> " + method.getSimpleName() + "()"));
      return false;
    }
    return true;
  }

  private Draft draft(ExecutableElement method) {
    ExecutableType type = members.memberType(method);
    String where = service.getQualifiedName() + "." + method.getSimpleName() + "("
        + type.getParameterTypes().stream().map(TypeMirror::toString).collect(Collectors.joining(", ")) + ")";
    int before = problems.size();
    if (!method.getTypeParameters().isEmpty()) {
      problems.add(new Problem(method, where + " declares type parameters, but values decode into their declared "
          + "types only: replace them with concrete types"));
      return null;
    }
    ValueType result = result(method, type.getReturnType(), where);
    List<MethodParameter> parameters = new ArrayList<>();
    for (int i = 0; i < type.getParameterTypes().size(); i++) {
      String name = method.getParameters().get(i).getSimpleName().toString();
      try {
        parameters.add(new MethodParameter(name, rules.check(type.getParameterTypes().get(i))));
      } catch (TypeRules.UnsupportedType e) {
        problems.add(new Problem(method, where + ": parameter '" + name + "': " + e.getMessage()));
      }
    }
    MethodOptions options = options(method, where);
    if (problems.size() > before) {
      return null;
    }
    String signature = signature(method, type);
    return new Draft(method, parameters, result, options, signature, ServiceIds.methodId(signature));
  }

  /** @return the type inside the returned {@code Future}; {@code null} for {@code void} or a problem */
  private ValueType result(ExecutableElement method, TypeMirror returnType, String where) {
    if (returnType.getKind() == TypeKind.VOID) {
      return null;
    }
    boolean future = returnType.getKind() == TypeKind.DECLARED
        && TypeRules.qualifiedName((DeclaredType) returnType).equals(FUTURE);
    if (!future) {
      String boxed = returnType.getKind().isPrimitive()
          ? types.boxedClass((PrimitiveType) returnType).getSimpleName().toString()
          : returnType.toString();
      problems.add(new Problem(method, where + " returns " + returnType + ", but a Slacker method returns "
          + "io.vertx.core.Future<T>, or void for a one-way call: change the return type to Future<" + boxed + ">"));
      return null;
    }
    List<? extends TypeMirror> args = ((DeclaredType) returnType).getTypeArguments();
    if (args.isEmpty()) {
      problems.add(new Problem(method, where + " returns a raw Future, but results decode into their declared "
          + "types only: declare the result type, e.g. Future<String>, or Future<Void> for none"));
      return null;
    }
    try {
      return rules.returnedService(args.get(0)) ? rules.service(args.get(0)) : rules.check(args.get(0));
    } catch (TypeRules.UnsupportedType e) {
      problems.add(new Problem(method, where + ": result: " + e.getMessage()));
      return null;
    }
  }

  private MethodOptions options(ExecutableElement method, String where) {
    Timeout timeout = annotation(method, Timeout.class);
    long timeoutMillis = 0;
    if (timeout != null) {
      timeoutMillis = timeout.unit().toMillis(timeout.value());
      boolean finerThanMillis = timeout.unit().compareTo(TimeUnit.MILLISECONDS) < 0;
      if (finerThanMillis && timeout.unit().convert(timeoutMillis, TimeUnit.MILLISECONDS) < timeout.value()) {
        // Rounded up: a timeout that fires early fails calls the caller gave time to finish.
        timeoutMillis++;
      }
      if (timeoutMillis < 1 || timeoutMillis > MAX_TIMEOUT_MILLIS) {
        problems.add(new Problem(method, where + ": @Timeout(" + timeout.value() + ", " + timeout.unit()
            + ") is " + timeoutMillis + " ms, but a timeout is 1 to " + MAX_TIMEOUT_MILLIS + " ms: change it"));
      }
    }
    List<String> permissions = required(method, where, "@RequiresPermission",
        names(service.getAnnotation(RequiresPermission.class), RequiresPermission::value),
        names(method.getAnnotation(RequiresPermission.class), RequiresPermission::value));
    List<String> roles = required(method, where, "@RequiresRole",
        names(service.getAnnotation(RequiresRole.class), RequiresRole::value),
        names(method.getAnnotation(RequiresRole.class), RequiresRole::value));
    return new MethodOptions(timeoutMillis, annotation(method, Idempotent.class) != null,
        annotation(method, Blocking.class) != null, service.getAnnotation(LeaderRouted.class) != null,
        permissions, roles);
  }

  private static <A extends Annotation> String[] names(A annotation, Function<A, String[]> value) {
    return annotation == null ? new String[0] : value.apply(annotation);
  }

  /**
   * @return the names the interface's annotation and the method's declare, both apply, without
   *     repeats; an empty name is a problem, as a requirement no caller could be granted by mistake
   */
  private List<String> required(ExecutableElement method, String where, String annotation, String[] onService,
                                String[] onMethod) {
    Set<String> names = new LinkedHashSet<>();
    for (String[] declared : new String[][]{onService, onMethod}) {
      for (String name : declared) {
        if (name.isEmpty()) {
          problems.add(new Problem(method, where + ": " + annotation + " names an empty string: name what the caller needs"));
        } else {
          names.add(name);
        }
      }
    }
    return List.copyOf(names);
  }

  /** @return the annotation on the method, else on the service interface */
  private <A extends Annotation> A annotation(ExecutableElement method, Class<A> type) {
    A annotation = method.getAnnotation(type);
    return annotation != null ? annotation : service.getAnnotation(type);
  }

  /** Two signatures with one id would be indistinguishable on the wire, so the build stops. */
  private void checkMethodIds(List<Draft> drafts) {
    Map<Integer, Draft> byId = new HashMap<>();
    for (Draft draft : drafts) {
      Draft clash = byId.putIfAbsent(draft.methodId, draft);
      if (clash != null) {
        problems.add(new Problem(draft.element, service.getQualifiedName() + ": methods " + clash.signature
            + " and " + draft.signature + " hash to the same method id " + String.format("0x%08x", draft.methodId)
            + ", so a server could not tell their calls apart: rename one of them"));
      }
    }
  }

  /** The method's name and the binary names of its erased parameter types, as {@code Class.getName()} spells them. */
  private String signature(ExecutableElement method, ExecutableType type) {
    return method.getSimpleName() + type.getParameterTypes().stream()
        .map(this::erasedName)
        .collect(Collectors.joining(",", "(", ")"));
  }

  /** Spelled from the type's kind and element, never its {@code toString()}, which includes type annotations. */
  private String erasedName(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    if (erased.getKind() == TypeKind.ARRAY) {
      return descriptor(erased);
    }
    if (erased.getKind() == TypeKind.DECLARED) {
      return elements.getBinaryName((TypeElement) ((DeclaredType) erased).asElement()).toString();
    }
    return primitiveName(erased);
  }

  private static String primitiveName(TypeMirror type) {
    return type.getKind().isPrimitive() ? type.getKind().name().toLowerCase(Locale.ROOT) : type.toString();
  }

  private String descriptor(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN: return "Z";
      case BYTE: return "B";
      case CHAR: return "C";
      case SHORT: return "S";
      case INT: return "I";
      case LONG: return "J";
      case FLOAT: return "F";
      case DOUBLE: return "D";
      case ARRAY: return "[" + descriptor(((ArrayType) type).getComponentType());
      default: return "L" + erasedName(type) + ";";
    }
  }

  /** Upper snake case of the method name; overloads add their parameter types, e.g. {@code FIND_STRING_INT}. */
  private Map<String, String> constantNames(List<Draft> drafts) {
    Map<String, Long> overloads = drafts.stream()
        .collect(Collectors.groupingBy(d -> d.element.getSimpleName().toString(), Collectors.counting()));
    Set<String> used = new HashSet<>(Set.of("SERVICE_NAME", "TYPES"));
    Map<String, String> names = new HashMap<>();
    for (Draft draft : drafts) {
      String method = draft.element.getSimpleName().toString();
      StringBuilder name = new StringBuilder(upperSnake(method));
      if (overloads.get(method) > 1) {
        for (MethodParameter parameter : draft.parameters) {
          name.append('_').append(upperSnake(simpleTypeName(parameter.type().type())));
        }
      }
      String unique = name.toString();
      for (int i = 2; !used.add(unique); i++) {
        unique = name + "_" + i;
      }
      names.put(draft.signature, unique);
    }
    return names;
  }

  private String simpleTypeName(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    if (erased.getKind() == TypeKind.ARRAY) {
      return simpleTypeName(((ArrayType) erased).getComponentType()) + "Array";
    }
    if (erased.getKind() == TypeKind.DECLARED) {
      return ((DeclaredType) erased).asElement().getSimpleName().toString();
    }
    return primitiveName(erased);
  }

  static String upperSnake(String camel) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      boolean boundary = i > 0 && Character.isUpperCase(c)
          && (!Character.isUpperCase(camel.charAt(i - 1))
          || (i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1))));
      if (boundary) {
        sb.append('_');
      }
      sb.append(Character.toUpperCase(c));
    }
    return sb.toString();
  }
}
