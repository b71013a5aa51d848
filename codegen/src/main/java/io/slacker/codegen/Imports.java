package io.slacker.codegen;

import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The imports of one generated file: each referenced type gets its simple name when that is
 * unambiguous, its canonical name otherwise.
 */
final class Imports {

  private final Elements elements;
  private final String packageName;
  private final Map<String, String> canonicalBySimpleName = new HashMap<>();
  private final Set<String> imports = new TreeSet<>();

  Imports(Elements elements, String packageName) {
    this.elements = elements;
    this.packageName = packageName;
  }

  /** Claims the simple name of a class generated into this package. */
  void reserve(String simpleName) {
    canonicalBySimpleName.put(simpleName, qualify(packageName, simpleName));
  }

  /** @return how the generated code names {@code type} */
  String name(TypeElement type) {
    String packageOf = elements.getPackageOf(type).getQualifiedName().toString();
    return name(type.getQualifiedName().toString(), packageOf, type.getSimpleName().toString(),
        type.getNestingKind() == NestingKind.TOP_LEVEL);
  }

  /** @return how the generated code names the top-level class {@code canonicalName} */
  String name(String canonicalName) {
    int dot = canonicalName.lastIndexOf('.');
    return name(canonicalName, canonicalName.substring(0, Math.max(dot, 0)), canonicalName.substring(dot + 1), true);
  }

  private String name(String canonical, String packageOf, String simple, boolean topLevel) {
    String owner = canonicalBySimpleName.putIfAbsent(simple, canonical);
    if (owner != null && !owner.equals(canonical)) {
      return canonical;
    }
    boolean implicit = topLevel && (packageOf.equals("java.lang") || packageOf.equals(packageName));
    if (!implicit) {
      imports.add(canonical);
    }
    return simple;
  }

  String declarations() {
    StringBuilder sb = new StringBuilder();
    for (String type : imports) {
      sb.append("import ").append(type).append(";\n");
    }
    return sb.toString();
  }

  private static String qualify(String packageName, String simpleName) {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }
}
