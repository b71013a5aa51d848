package io.slacker.codegen;

import io.slacker.codegen.model.ValueType;

/**
 * How values with {@code @DataObject}s cross the wire: as their JSON forms (a {@code JsonObject},
 * a {@code JsonArray}, a string, a number or a boolean, whatever {@code toJson()} returns), converted
 * with the data object's {@code toJson()} and the constructor that takes that form, or, without
 * one, its {@code @JsonGen} converter reading into a new instance. Plain values pass unchanged.
 */
final class WireConversions {

  private WireConversions() {
  }

  /** @return the Java type a value with {@code @DataObject}s travels as, e.g. {@code List<JsonObject>} or {@code String} */
  static String wireSource(ValueType value, TypeRenderer types) {
    String json = value.jsonForm() == null ? null : types.imports().name(value.jsonForm());
    switch (value.shape()) {
      case DATA_OBJECT: return json;
      case DATA_OBJECT_LIST: return types.imports().name("java.util.List") + "<" + json + ">";
      case DATA_OBJECT_SET: return types.imports().name("java.util.Set") + "<" + json + ">";
      case DATA_OBJECT_MAP:
        return types.imports().name("java.util.Map") + "<" + types.imports().name(String.class.getName()) + ", " + json + ">";
      default: return types.source(value.type());
    }
  }

  /** @return an expression converting {@code expr} (of the declared type) to what travels */
  static String toWire(String expr, ValueType value, TypeRenderer types) {
    String dataObject = value.dataObject() == null ? null : types.dataObjectName(value);
    switch (value.shape()) {
      case DATA_OBJECT: return expr + " == null ? null : " + expr + ".toJson()";
      case DATA_OBJECT_LIST: return collections(types) + ".toJsonList(" + expr + ", " + dataObject + "::toJson)";
      case DATA_OBJECT_SET: return collections(types) + ".toJsonSet(" + expr + ", " + dataObject + "::toJson)";
      case DATA_OBJECT_MAP: return collections(types) + ".toJsonMap(" + expr + ", " + dataObject + "::toJson)";
      default: return expr;
    }
  }

  /** @return an expression converting {@code expr} (as it traveled) to the declared type */
  static String fromWire(String expr, ValueType value, TypeRenderer types) {
    if (value.dataObject() == null) {
      return expr;
    }
    String reader = reader(value, types);
    switch (value.shape()) {
      case DATA_OBJECT: return expr + " == null ? null : " + (value.converter() == null
          ? "new " + types.dataObjectName(value) + "(" + expr + ")" : reader + ".apply(" + expr + ")");
      case DATA_OBJECT_LIST: return collections(types) + ".fromJsonList(" + expr + ", " + reader + ")";
      case DATA_OBJECT_SET: return collections(types) + ".fromJsonSet(" + expr + ", " + reader + ")";
      case DATA_OBJECT_MAP: return collections(types) + ".fromJsonMap(" + expr + ", " + reader + ")";
      default: return expr;
    }
  }

  /** @return a function from the JSON form to the data object: its JSON constructor, or its {@code @JsonGen} converter */
  static String reader(ValueType value, TypeRenderer types) {
    String dataObject = types.dataObjectName(value);
    if (value.converter() == null) {
      return dataObject + "::new";
    }
    return collections(types) + ".converted(" + dataObject + "::new, " + types.imports().name(value.converter())
        + "::fromJson)";
  }

  private static String collections(TypeRenderer types) {
    return types.imports().name("io.slacker.impl.codegen.DataObjectCollections");
  }
}
