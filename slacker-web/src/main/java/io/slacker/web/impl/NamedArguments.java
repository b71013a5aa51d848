package io.slacker.web.impl;

import com.fasterxml.jackson.databind.JsonNode;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.admin.MethodDescription;
import io.slacker.admin.ParameterDescription;
import io.slacker.admin.ServiceDescription;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Puts the arguments of a JSON object, keyed by parameter name, in the order of the method's parameters. */
final class NamedArguments {

  private NamedArguments() {
  }

  /**
   * @param body a JSON object whose keys are exactly the parameter names of one method of that name
   * @throws SlackerException NOT_FOUND for a method the service does not have, BAD_REQUEST naming
   *     the unknown and the missing parameters when no method of that name matches the keys
   */
  static List<JsonNode> inOrder(JsonNode body, ServiceDescription service, String methodName) {
    List<MethodDescription> overloads = service.getMethods().stream()
        .filter(method -> method.getName().equals(methodName))
        .toList();
    if (overloads.isEmpty()) {
      throw new SlackerException(StatusCode.NOT_FOUND,
          "service '" + service.getName() + "' has no method '" + methodName + "'");
    }
    Set<String> given = new LinkedHashSet<>();
    body.fieldNames().forEachRemaining(given::add);
    for (MethodDescription method : overloads) {
      List<String> names = parameterNames(method);
      if (given.equals(new LinkedHashSet<>(names))) {
        List<JsonNode> args = new ArrayList<>(names.size());
        names.forEach(name -> args.add(body.get(name)));
        return args;
      }
    }
    throw new SlackerException(StatusCode.BAD_REQUEST, mismatch(service.getName(), overloads, given));
  }

  private static String mismatch(String service, List<MethodDescription> overloads, Set<String> given) {
    if (overloads.size() > 1) {
      return "the arguments name " + given + ", but no " + service + "." + overloads.get(0).getName()
          + " takes exactly these; it takes " + overloads.stream()
              .map(method -> parameterNames(method).toString())
              .collect(Collectors.joining(" or "));
    }
    List<String> names = parameterNames(overloads.get(0));
    Set<String> unknown = new LinkedHashSet<>(given);
    names.forEach(unknown::remove);
    Set<String> missing = new LinkedHashSet<>(names);
    missing.removeAll(given);
    StringBuilder message = new StringBuilder(service).append('.').append(overloads.get(0).getName())
        .append(" takes ").append(names).append(':');
    if (!unknown.isEmpty()) {
      message.append(" unknown parameters ").append(unknown);
    }
    if (!missing.isEmpty()) {
      message.append(unknown.isEmpty() ? "" : ",").append(" missing parameters ").append(missing);
    }
    return message.toString();
  }

  private static List<String> parameterNames(MethodDescription method) {
    return method.getParameters().stream().map(ParameterDescription::getName).toList();
  }
}
