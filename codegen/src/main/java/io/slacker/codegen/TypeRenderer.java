package io.slacker.codegen;

import io.slacker.codegen.model.ValueType;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Spells types in generated source: as Java types, as class literals, and as expressions that
 * build the Jackson {@code JavaType} a value travels as.
 */
final class TypeRenderer {

  private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Set", "java.util.Collection");
  private static final String MAP = "java.util.Map";

  private final Types types;
  private final Imports imports;

  TypeRenderer(Types types, Imports imports) {
    this.types = types;
    this.imports = imports;
  }

  Imports imports() {
    return imports;
  }

  /** @return the type as Java source, e.g. {@code Map<String, List<User>>} */
  String source(TypeMirror type) {
    switch (type.getKind()) {
      case ARRAY:
        return source(((ArrayType) type).getComponentType()) + "[]";
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        String name = imports.name((TypeElement) declared.asElement());
        if (declared.getTypeArguments().isEmpty()) {
          return name;
        }
        return name + declared.getTypeArguments().stream().map(this::source).collect(Collectors.joining(", ", "<", ">"));
      case TYPEVAR:
        return ((TypeVariable) type).asElement().getSimpleName().toString();
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          return "? extends " + source(wildcard.getExtendsBound());
        }
        return wildcard.getSuperBound() != null ? "? super " + source(wildcard.getSuperBound()) : "?";
      default:
        // Primitives and void; their toString() would include type annotations.
        return type.getKind().name().toLowerCase();
    }
  }

  /** @return the method's type parameter declaration followed by a space, or nothing */
  String typeParameters(ExecutableElement method) {
    List<? extends TypeParameterElement> parameters = method.getTypeParameters();
    if (parameters.isEmpty()) {
      return "";
    }
    return parameters.stream().map(p -> {
      List<? extends TypeMirror> bounds = p.getBounds();
      boolean onlyObject = bounds.size() == 1 && bounds.get(0).toString().equals("java.lang.Object");
      return onlyObject ? p.getSimpleName().toString()
          : p.getSimpleName() + " extends " + bounds.stream().map(this::source).collect(Collectors.joining(" & "));
    }).collect(Collectors.joining(", ", "<", "> "));
  }

  String classLiteral(TypeMirror type) {
    return source(types.erasure(type)) + ".class";
  }

  String dataObjectName(ValueType value) {
    return imports.name(value.dataObject());
  }

  /**
   * @return an expression of the {@code JavaType} that {@code value} travels as, with
   *     {@code @DataObject}s as their JSON forms; {@code factory} names the {@code TypeFactory}
   */
  String javaType(ValueType value, String factory) {
    return javaType(value.type(), value, factory);
  }

  private String javaType(TypeMirror type, ValueType value, String factory) {
    if (isDataObject(type, value)) {
      return factory + ".constructType(" + imports.name(value.jsonForm()) + ".class)";
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return factory + ".constructArrayType(" + argument(((ArrayType) type).getComponentType(), value, factory) + ")";
    }
    if (type.getKind() != TypeKind.DECLARED || ((DeclaredType) type).getTypeArguments().isEmpty()) {
      return factory + ".constructType(" + classLiteral(type) + ")";
    }
    DeclaredType declared = (DeclaredType) type;
    String rawName = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    List<String> arguments = arguments(declared.getTypeArguments(), value, factory);
    String method = COLLECTIONS.contains(rawName) ? "constructCollectionType"
        : rawName.equals(MAP) ? "constructMapType" : "constructParametricType";
    return factory + "." + method + "(" + classLiteral(type) + ", " + String.join(", ", arguments) + ")";
  }

  /**
   * TypeFactory takes either classes or JavaTypes for type arguments, not a mix: classes when
   * every argument is a plain class (the readable form), JavaTypes otherwise.
   */
  private List<String> arguments(List<? extends TypeMirror> args, ValueType value, String factory) {
    boolean allSimple = args.stream().allMatch(arg -> isSimple(arg, value));
    return args.stream()
        .map(arg -> allSimple ? simpleLiteral(arg, value) : javaType(arg, value, factory))
        .collect(Collectors.toList());
  }

  private String argument(TypeMirror type, ValueType value, String factory) {
    return isSimple(type, value) ? simpleLiteral(type, value) : javaType(type, value, factory);
  }

  private boolean isSimple(TypeMirror type, ValueType value) {
    return type.getKind().isPrimitive()
        || (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).getTypeArguments().isEmpty())
        || isDataObject(type, value);
  }

  private String simpleLiteral(TypeMirror type, ValueType value) {
    return isDataObject(type, value) ? imports.name(value.jsonForm()) + ".class" : classLiteral(type);
  }

  private static boolean isDataObject(TypeMirror type, ValueType value) {
    return value.dataObject() != null && type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).asElement().equals(value.dataObject());
  }

  /**
   * @return a Java string literal of {@code text}: control characters as character or octal
   *     escapes, since javac turns a unicode escape into its character before it reads the literal
   *     (a line break would end it), and other non-ASCII characters as unicode escapes
   */
  static String literal(String text) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"', '\\' -> sb.append('\\').append(c);
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\%03o", (int) c));
          } else if (c > 0x7f) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
