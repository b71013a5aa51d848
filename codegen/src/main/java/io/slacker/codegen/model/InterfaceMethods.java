package io.slacker.codegen.model;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The methods of a service interface as Java sees them: each once, whether redeclared or
 * inherited from two parents (a diamond), with the parents' type arguments resolved.
 */
final class InterfaceMethods {

  private final TypeElement service;
  private final Elements elements;
  private final Types types;

  InterfaceMethods(TypeElement service, Elements elements, Types types) {
    this.service = service;
    this.elements = elements;
    this.types = types;
  }

  /**
   * @return the abstract methods, own ones first in source order. {@code Object}'s public
   *     methods, which an interface may redeclare, are the implementation's own, not remote.
   */
  List<ExecutableElement> abstractMethods() {
    List<ExecutableElement> seen = new ArrayList<>();
    collectMethods(service, seen, new HashSet<>());
    return seen.stream().filter(m -> m.getModifiers().contains(Modifier.ABSTRACT)).collect(Collectors.toList());
  }

  /** @return the method's type as a member of the service: a generic parent's type arguments resolved */
  ExecutableType memberType(ExecutableElement method) {
    return (ExecutableType) types.asMemberOf((DeclaredType) service.asType(), method);
  }

  private void collectMethods(TypeElement type, List<ExecutableElement> seen, Set<TypeElement> visited) {
    if (!visited.add(type)) {
      return;
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getModifiers().contains(Modifier.STATIC) || isObjectMethod(method)) {
        continue;
      }
      int same = indexOfSameSignature(seen, method);
      if (same < 0) {
        seen.add(method);
      } else if (returnsMoreSpecific(method, seen.get(same))) {
        // Of two inherited declarations, the proxy must implement the one whose result fits both.
        seen.set(same, method);
      }
    }
    for (TypeMirror parent : type.getInterfaces()) {
      collectMethods((TypeElement) types.asElement(parent), seen, visited);
    }
  }

  private boolean isObjectMethod(ExecutableElement method) {
    TypeElement object = elements.getTypeElement(Object.class.getName());
    return ElementFilter.methodsIn(object.getEnclosedElements()).stream()
        .filter(candidate -> candidate.getModifiers().contains(Modifier.PUBLIC))
        .anyMatch(candidate -> candidate.getSimpleName().equals(method.getSimpleName())
            && types.isSubsignature(memberType(method), (ExecutableType) candidate.asType()));
  }

  private int indexOfSameSignature(List<ExecutableElement> seen, ExecutableElement method) {
    ExecutableType type = memberType(method);
    for (int i = 0; i < seen.size(); i++) {
      ExecutableElement known = seen.get(i);
      if (known.getSimpleName().equals(method.getSimpleName())
          && (types.isSubsignature(memberType(known), type) || types.isSubsignature(type, memberType(known)))) {
        return i;
      }
    }
    return -1;
  }

  private boolean returnsMoreSpecific(ExecutableElement method, ExecutableElement known) {
    TypeMirror mine = memberType(method).getReturnType();
    TypeMirror theirs = memberType(known).getReturnType();
    return !types.isSameType(mine, theirs) && types.isSubtype(mine, theirs);
  }
}
