package io.slacker.codegen.model;

/** A parameter of a service method: its source name and its checked type. */
public record MethodParameter(String name, ValueType type) {
}
