package io.slacker.codegen.model;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.List;
import java.util.Set;

/**
 * Decides which parameter and result types a service method may use. Values are decoded into
 * their declared types, so every type must name a concrete shape: no {@code Object}, no
 * wildcards, no interfaces Jackson cannot instantiate.
 */
final class TypeRules {

  static final String DATA_OBJECT = "io.vertx.codegen.annotations.DataObject";
  private static final String JSON_GEN = "io.vertx.codegen.json.annotations.JsonGen";
  static final String JSON_OBJECT = "io.vertx.core.json.JsonObject";
  /** What makes an interface a service, which a method may return and which never travels as a value. */
  static final Set<String> SERVICE_ANNOTATIONS = Set.of("io.vertx.codegen.annotations.ProxyGen",
      "io.slacker.annotations.SlackerService");

  /** Types Jackson (with the runtime's modules) encodes as they are. */
  private static final Set<String> VALUE_TYPES = Set.of(
      "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
      "java.lang.Float", "java.lang.Double", "java.lang.Character", "java.lang.String", "java.lang.Void",
      "java.math.BigDecimal", "java.math.BigInteger", "java.util.UUID", "java.net.URI",
      // Abstract, unlike the other java.time values, but Jackson reads it by its id.
      "java.time.ZoneId",
      JSON_OBJECT, "io.vertx.core.json.JsonArray", "io.vertx.core.buffer.Buffer");
  private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Set", "java.util.Collection");
  private static final String MAP = "java.util.Map";
  /** Jackson annotations that make an abstract type or a class without a no-arg constructor decodable. */
  private static final Set<String> JACKSON_CREATORS = Set.of(
      "com.fasterxml.jackson.annotation.JsonCreator",
      "com.fasterxml.jackson.annotation.JsonSubTypes",
      "com.fasterxml.jackson.databind.annotation.JsonDeserialize");
  private static final String JSON_SUB_TYPES = "com.fasterxml.jackson.annotation.JsonSubTypes";
  private static final String JSON_TYPE_INFO = "com.fasterxml.jackson.annotation.JsonTypeInfo";

  static final String SUPPORTED = "a primitive or its box, String, an enum, a record or POJO, a java.time type, "
      + "JsonObject, JsonArray, Buffer, a @DataObject, or a List, Set or Map<String, V> of these";

  private final Elements elements;
  private final Types types;

  TypeRules(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
  }

  /** Thrown with the sentence that says why a type is rejected and what to declare instead. */
  static final class UnsupportedType extends Exception {
    UnsupportedType(String message) {
      super(message, null, false, false);
    }
  }

  /** @return whether {@code type} is a service interface, as a method's result may be */
  boolean returnedService(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && isService(((DeclaredType) type).asElement());
  }

  /** @return a returned service, which must be a plain interface: its proxy and invoker are generated for it */
  ValueType service(TypeMirror type) throws UnsupportedType {
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getKind() != ElementKind.INTERFACE || !element.getTypeParameters().isEmpty()) {
      throw new UnsupportedType("service " + element.getQualifiedName() + " is returned as a service instance, so it must "
          + "be a non-generic interface, as every Slacker service is");
    }
    return ValueType.service(type);
  }

  /** @return the converter a data object is read with, {@code null} when its JSON constructor reads it */
  private String reader(TypeElement dataObject) {
    return hasJsonConstructor(dataObject, jsonForm(dataObject)) ? null : converter(dataObject);
  }

  /** @return whether {@code element} has a public constructor taking its JSON form {@code form} */
  private boolean hasJsonConstructor(TypeElement element, String form) {
    return form != null && ElementFilter.constructorsIn(element.getEnclosedElements()).stream()
        .anyMatch(c -> c.getModifiers().contains(Modifier.PUBLIC) && c.getParameters().size() == 1
            && form.equals(boxedName(c.getParameters().get(0).asType())));
  }

  private static boolean isService(Element element) {
    return element.getKind() == ElementKind.INTERFACE && hasAnnotation(element, SERVICE_ANNOTATIONS);
  }

  ValueType check(TypeMirror type) throws UnsupportedType {
    TypeElement dataObject = dataObject(type);
    if (dataObject != null) {
      return new ValueType(type, ValueType.Shape.DATA_OBJECT, dataObject, jsonForm(dataObject), reader(dataObject));
    }
    if (type.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) type;
      List<? extends TypeMirror> args = declared.getTypeArguments();
      String name = qualifiedName(declared);
      if (args.size() == 1 && (name.equals("java.util.List") || name.equals("java.util.Set"))) {
        TypeElement element = dataObject(args.get(0));
        if (element != null) {
          return new ValueType(type, name.endsWith("List") ? ValueType.Shape.DATA_OBJECT_LIST : ValueType.Shape.DATA_OBJECT_SET,
              element, jsonForm(element), reader(element));
        }
      }
      if (args.size() == 2 && name.equals(MAP) && dataObject(args.get(1)) != null) {
        checkMapKey(args.get(0), type);
        TypeElement element = dataObject(args.get(1));
        return new ValueType(type, ValueType.Shape.DATA_OBJECT_MAP, element, jsonForm(element), reader(element));
      }
    }
    checkPlain(type, type);
    return new ValueType(type, ValueType.Shape.PLAIN, null, null);
  }

  private void checkPlain(TypeMirror type, TypeMirror whole) throws UnsupportedType {
    switch (type.getKind()) {
      case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE, ERROR -> {
        // ERROR: an unresolved type, which javac reports itself.
      }
      case ARRAY -> checkPlain(((ArrayType) type).getComponentType(), whole);
      case TYPEVAR, WILDCARD -> throw new UnsupportedType(type + " names no concrete type, and values decode "
          + "into their declared types only: declare the type itself, e.g. List<User> instead of List<? extends User>");
      case DECLARED -> checkDeclared((DeclaredType) type, whole);
      default -> throw unsupported(type);
    }
  }

  private void checkDeclared(DeclaredType type, TypeMirror whole) throws UnsupportedType {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    List<? extends TypeMirror> args = type.getTypeArguments();
    if (dataObject(type) != null) {
      throw new UnsupportedType("@DataObject " + name + " is nested in " + whole + ", but a @DataObject travels "
          + "only as a parameter or result itself, or as the element of a List, Set or Map<String, V>: declare it so");
    }
    if (VALUE_TYPES.contains(name) || element.getKind() == ElementKind.ENUM || isJavaTimeValue(element)) {
      return;
    }
    if (isService(element)) {
      throw new UnsupportedType(name + " is a service, and a service never travels as a value: a method may return "
          + "one, as Future<" + element.getSimpleName() + ">, and its caller gets a proxy bound to the instance; "
          + "it cannot be a parameter or inside another type");
    }
    if (COLLECTIONS.contains(name) || name.equals(MAP)) {
      if (args.isEmpty()) {
        throw new UnsupportedType(name + " is a raw type, and values decode into their declared types only: "
            + "declare its element type, e.g. " + element.getSimpleName() + (name.equals(MAP) ? "<String, User>" : "<User>"));
      }
      if (name.equals(MAP)) {
        checkMapKey(args.get(0), whole);
        checkPlain(args.get(1), whole);
      } else {
        checkPlain(args.get(0), whole);
      }
      return;
    }
    if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("io.vertx.")) {
      throw unsupported(type);
    }
    checkUserType(element);
    if (args.isEmpty() && !element.getTypeParameters().isEmpty()) {
      throw new UnsupportedType(name + " is a raw type, and values decode into their declared types only: "
          + "declare its type arguments");
    }
    for (TypeMirror arg : args) {
      checkPlain(arg, whole);
    }
  }

  private static void checkMapKey(TypeMirror key, TypeMirror whole) throws UnsupportedType {
    if (!isString(key)) {
      throw new UnsupportedType("map keys must be String, but " + whole + " has " + key
          + " keys: use Map<String, V>, or a List of records");
    }
  }

  /** A record or POJO of the user's: Jackson must be able to create it. */
  private void checkUserType(TypeElement element) throws UnsupportedType {
    String name = element.getQualifiedName().toString();
    if (hasAnnotation(element, Set.of(JSON_SUB_TYPES)) && !hasTypeInfo(element.asType())) {
      throw new UnsupportedType(name + " lists its subtypes with @JsonSubTypes but has no @JsonTypeInfo, so a value "
          + "would carry no type id to decode it by: add @JsonTypeInfo(use = JsonTypeInfo.Id.NAME) to "
          + element.getSimpleName());
    }
    if (hasAnnotation(element, JACKSON_CREATORS)) {
      return;
    }
    if (element.getKind() == ElementKind.INTERFACE || element.getModifiers().contains(Modifier.ABSTRACT)) {
      throw new UnsupportedType(name + " is abstract, and values decode into their declared types only: declare a "
          + "concrete class or record, or list the subtypes on the type with @JsonSubTypes");
    }
    if (element.getNestingKind() == NestingKind.MEMBER && !element.getModifiers().contains(Modifier.STATIC)) {
      throw new UnsupportedType(name + " is an inner class, which Jackson cannot create without an outer instance: "
          + "make it static");
    }
    if (element.getKind() == ElementKind.RECORD) {
      return;
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(element.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty() || hasAnnotation(constructor, JACKSON_CREATORS)) {
        return;
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
      if (hasAnnotation(method, JACKSON_CREATORS)) {
        return;
      }
    }
    throw new UnsupportedType(name + " has no no-arg constructor for Jackson to create it with: add one, "
        + "annotate a constructor with @JsonCreator, or make it a record");
  }

  /** Jackson finds {@code @JsonTypeInfo} on the type or any of its supertypes. */
  private boolean hasTypeInfo(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    if (hasAnnotation(((DeclaredType) type).asElement(), Set.of(JSON_TYPE_INFO))) {
      return true;
    }
    for (TypeMirror parent : types.directSupertypes(type)) {
      if (hasTypeInfo(parent)) {
        return true;
      }
    }
    return false;
  }

  /** The types a data object's JSON form may have, as vertx-codegen allows them, by their boxed names. */
  private static final Set<String> JSON_FORMS = Set.of("io.vertx.core.json.JsonObject", "io.vertx.core.json.JsonArray",
      "java.lang.String", "java.lang.Boolean", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
      "java.lang.Float", "java.lang.Short", "java.lang.Byte");

  /** @return the {@code @DataObject} class of {@code type}, checked for its JSON conversions; {@code null} if none */
  TypeElement dataObject(TypeMirror type) throws UnsupportedType {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    // Buffer is a @DataObject too, but the runtime encodes it as binary.
    if (!hasAnnotation(element, Set.of(DATA_OBJECT)) || VALUE_TYPES.contains(element.getQualifiedName().toString())) {
      return null;
    }
    String form = jsonForm(element);
    boolean constructor = hasJsonConstructor(element, form);
    boolean concrete = !element.getModifiers().contains(Modifier.ABSTRACT) && element.getKind() != ElementKind.INTERFACE;
    if (!constructor && concrete && JSON_OBJECT.equals(form) && converter(element) != null) {
      return element;
    }
    if (!constructor || !concrete) {
      throw new UnsupportedType("@DataObject " + element.getQualifiedName() + " travels as the JSON its toJson() "
          + "returns, so it needs a public toJson() method returning JsonObject, JsonArray, String, a number or a "
          + "boolean, and a public constructor " + element.getSimpleName() + "(" + (form == null ? "JsonObject"
          : form.substring(form.lastIndexOf('.') + 1)) + ") taking that type: add them (a @JsonGen data object "
          + "whose toJson() returns JsonObject may instead have a public no-arg constructor and a public converter)");
    }
    return element;
  }

  /**
   * @return the class vertx-codegen's {@code @JsonGen} generates to read {@code dataObject} from a
   *     {@code JsonObject} ({@code <Name>Converter}, public), when the data object has one and a
   *     public no-arg constructor to read into; {@code null} otherwise
   */
  String converter(TypeElement dataObject) {
    AnnotationMirror jsonGen = dataObject.getAnnotationMirrors().stream()
        .filter(a -> ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(JSON_GEN))
        .findFirst().orElse(null);
    if (jsonGen == null || dataObject.getNestingKind() != NestingKind.TOP_LEVEL) {
      return null;
    }
    boolean publicConverter = elements.getElementValuesWithDefaults(jsonGen).entrySet().stream()
        .filter(e -> e.getKey().getSimpleName().contentEquals("publicConverter"))
        .map(e -> (Boolean) e.getValue().getValue()).findFirst().orElse(true);
    boolean noArgConstructor = ElementFilter.constructorsIn(dataObject.getEnclosedElements()).stream()
        .anyMatch(c -> c.getModifiers().contains(Modifier.PUBLIC) && c.getParameters().isEmpty());
    if (!publicConverter || !noArgConstructor) {
      return null;
    }
    return dataObject.getQualifiedName() + "Converter";
  }

  /** @return the boxed name of what the data object's public {@code toJson()} returns, {@code null} without one of the JSON forms */
  String jsonForm(TypeElement dataObject) {
    return ElementFilter.methodsIn(elements.getAllMembers(dataObject)).stream()
        .filter(m -> m.getSimpleName().contentEquals("toJson") && m.getParameters().isEmpty()
            && m.getModifiers().contains(Modifier.PUBLIC) && !m.getModifiers().contains(Modifier.STATIC))
        .map(m -> boxedName(m.getReturnType()))
        .filter(JSON_FORMS::contains)
        .findFirst().orElse(null);
  }

  private String boxedName(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return types.boxedClass((PrimitiveType) type).getQualifiedName().toString();
    }
    return type.getKind() == TypeKind.DECLARED ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString() : null;
  }

  private UnsupportedType unsupported(TypeMirror type) {
    return new UnsupportedType(type + " is not a type Slacker can send, since values decode into their declared types "
        + "only: declare " + SUPPORTED);
  }

  private static boolean isJavaTimeValue(TypeElement element) {
    Element enclosing = element.getEnclosingElement();
    return enclosing.getKind() == ElementKind.PACKAGE
        && ((PackageElement) enclosing).getQualifiedName().contentEquals("java.time")
        && element.getKind() == ElementKind.CLASS && !element.getModifiers().contains(Modifier.ABSTRACT);
  }

  private static boolean isString(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && qualifiedName((DeclaredType) type).equals("java.lang.String");
  }

  private static boolean isJsonObject(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && qualifiedName((DeclaredType) type).equals(JSON_OBJECT);
  }

  static String qualifiedName(DeclaredType type) {
    return ((TypeElement) type.asElement()).getQualifiedName().toString();
  }

  static boolean hasAnnotation(Element element, Set<String> annotationNames) {
    for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) annotation.getAnnotationType().asElement();
      if (annotationNames.contains(type.getQualifiedName().toString())) {
        return true;
      }
    }
    return false;
  }
}
