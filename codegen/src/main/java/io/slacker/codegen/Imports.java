package io.slacker.codegen;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The imports of one generated file: each referenced type gets its simple name when that means
 * the type there, its canonical name otherwise. A simple name can be taken by another referenced
 * type, a generated class, a member type the generated class inherits, or, for {@code java.lang}
 * types, a type of the same package.
 */
final class Imports {

  private static final String JAVA_LANG = "java.lang";

  private final Elements elements;
  private final String packageName;
  private final Map<String, String> canonicalBySimpleName = new HashMap<>();
  private final Set<String> imports = new TreeSet<>();
  private final Set<String> leadingIdentifiers = new HashSet<>();

  Imports(Elements elements, String packageName) {
    this.elements = elements;
    this.packageName = packageName;
  }

  /** Claims the simple name of a class generated into this package. */
  void reserve(String simpleName) {
    canonicalBySimpleName.put(simpleName, qualify(packageName, simpleName));
    leadingIdentifiers.add(simpleName);
  }

  /** Claims the simple name of a member type the generated class inherits: there it means that type. */
  void inScope(TypeElement memberType) {
    canonicalBySimpleName.put(memberType.getSimpleName().toString(), memberType.getQualifiedName().toString());
  }

  /** @return how the generated code names {@code type} */
  String name(TypeElement type) {
    String simple = type.getSimpleName().toString();
    Element enclosing = type.getEnclosingElement();
    if (type.getNestingKind() == NestingKind.MEMBER && enclosing.getKind() != ElementKind.PACKAGE
        && elements.getPackageOf(type).isUnnamed()) {
      // Nothing can be imported from the unnamed package: name the member through its outer type.
      boolean inScope = type.getQualifiedName().contentEquals(canonicalBySimpleName.getOrDefault(simple, ""));
      return inScope ? simple : name((TypeElement) enclosing) + "." + simple;
    }
    String packageOf = elements.getPackageOf(type).getQualifiedName().toString();
    return name(type.getQualifiedName().toString(), packageOf, simple, type.getNestingKind() == NestingKind.TOP_LEVEL);
  }

  /** @return how the generated code names the top-level class {@code canonicalName} */
  String name(String canonicalName) {
    int dot = canonicalName.lastIndexOf('.');
    return name(canonicalName, canonicalName.substring(0, Math.max(dot, 0)), canonicalName.substring(dot + 1), true);
  }

  private String name(String canonical, String packageOf, String simple, boolean topLevel) {
    if (packageOf.equals(JAVA_LANG) && !canonicalBySimpleName.containsKey(simple)) {
      // java.lang is imported on demand, so a type of the generated package with the same name wins.
      TypeElement local = elements.getTypeElement(qualify(packageName, simple));
      if (local != null && !packageName.equals(JAVA_LANG)) {
        canonicalBySimpleName.put(simple, local.getQualifiedName().toString());
      }
    }
    String owner = canonicalBySimpleName.putIfAbsent(simple, canonical);
    if (owner != null && !owner.equals(canonical)) {
      leadingIdentifiers.add(canonical.substring(0, (canonical + ".").indexOf('.')));
      return canonical;
    }
    boolean implicit = topLevel && (packageOf.equals(JAVA_LANG) || packageOf.equals(packageName));
    if (!implicit) {
      imports.add(canonical);
    }
    leadingIdentifiers.add(simple);
    return simple;
  }

  /**
   * @return every identifier a name handed out so far starts with: a variable of the same name
   *     would obscure it, so generated variables must not take one
   */
  Set<String> leadingIdentifiers() {
    return leadingIdentifiers;
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
