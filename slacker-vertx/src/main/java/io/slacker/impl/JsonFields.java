package io.slacker.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads configuration JSON for the options classes. A value of the wrong type fails with an
 * {@link IllegalArgumentException} that names the key and says what it should be, rather than
 * the {@link ClassCastException} that {@link JsonObject}'s getters throw.
 */
public final class JsonFields {

  private JsonFields() {
  }

  public static String getString(JsonObject json, String key) {
    return getString(json, key, null);
  }

  public static String getString(JsonObject json, String key, String absent) {
    return get(json, key, String.class, "a string", absent);
  }

  public static Integer getInteger(JsonObject json, String key, Integer absent) {
    Number value = get(json, key, Number.class, "an integer", absent);
    return value == null ? null : value.intValue();
  }

  public static Long getLong(JsonObject json, String key, Long absent) {
    Number value = get(json, key, Number.class, "an integer", absent);
    return value == null ? null : value.longValue();
  }

  public static Double getDouble(JsonObject json, String key, Double absent) {
    Number value = get(json, key, Number.class, "a number", absent);
    return value == null ? null : value.doubleValue();
  }

  public static Boolean getBoolean(JsonObject json, String key, Boolean absent) {
    return get(json, key, Boolean.class, "true or false", absent);
  }

  /** @return the constant named at {@code key}, or {@code absent}; a name that is not one fails, listing them */
  public static <E extends Enum<E>> E getEnum(JsonObject json, String key, Class<E> type, E absent) {
    String name = getString(json, key, null);
    if (name == null) {
      return absent;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(key + " must be one of " + Arrays.toString(type.getEnumConstants())
        + ", got " + describe(name));
  }

  public static JsonObject getJsonObject(JsonObject json, String key) {
    return get(json, key, JsonObject.class, "an object", null);
  }

  public static JsonArray getJsonArray(JsonObject json, String key, JsonArray absent) {
    return get(json, key, JsonArray.class, "an array", absent);
  }

  /** @return the objects of the array at {@code key}, each built by {@code build}; empty when absent */
  public static <T> List<T> getObjects(JsonObject json, String key, Function<JsonObject, T> build) {
    JsonArray array = getJsonArray(json, key, new JsonArray());
    List<T> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject element)) {
        throw new IllegalArgumentException(key + "[" + i + "] must be an object");
      }
      values.add(build.apply(element));
    }
    return values;
  }

  /** @return the strings of the array at {@code key}; empty when absent */
  public static List<String> getStrings(JsonObject json, String key) {
    JsonArray array = getJsonArray(json, key, new JsonArray());
    List<String> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof String element)) {
        throw new IllegalArgumentException(key + "[" + i + "] must be a string");
      }
      values.add(element);
    }
    return values;
  }

  /** Builds what {@code key} configures, naming {@code key} in front of a nested key that is wrong. */
  public static <T> T nested(String key, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + "." + e.getMessage(), e);
    }
  }

  private static <T> T get(JsonObject json, String key, Class<T> type, String expected, T absent) {
    Object value = json.getValue(key);
    if (value == null) {
      return absent;
    }
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(key + " must be " + expected + ", got " + describe(value));
    }
    return type.cast(value);
  }

  private static String describe(Object value) {
    String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
