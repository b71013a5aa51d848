package io.slacker.impl.codegen;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Converts collections of {@code @DataObject}s to and from the JSON forms (a {@code JsonObject}, a
 * string, a number, ...) that travel on the wire; generated proxies and invokers call these. Null
 * collections and null elements stay null.
 */
public final class DataObjectCollections {

  private DataObjectCollections() {
  }

  public static <T, J> List<J> toJsonList(List<T> values, Function<T, J> toJson) {
    if (values == null) {
      return null;
    }
    List<J> json = new ArrayList<>(values.size());
    for (T value : values) {
      json.add(value == null ? null : toJson.apply(value));
    }
    return json;
  }

  public static <T, J> List<T> fromJsonList(List<J> json, Function<J, T> fromJson) {
    if (json == null) {
      return null;
    }
    List<T> values = new ArrayList<>(json.size());
    for (J element : json) {
      values.add(element == null ? null : fromJson.apply(element));
    }
    return values;
  }

  public static <T, J> Set<J> toJsonSet(Set<T> values, Function<T, J> toJson) {
    if (values == null) {
      return null;
    }
    Set<J> json = new LinkedHashSet<>();
    for (T value : values) {
      json.add(value == null ? null : toJson.apply(value));
    }
    return json;
  }

  public static <T, J> Set<T> fromJsonSet(Set<J> json, Function<J, T> fromJson) {
    if (json == null) {
      return null;
    }
    Set<T> values = new LinkedHashSet<>();
    for (J element : json) {
      values.add(element == null ? null : fromJson.apply(element));
    }
    return values;
  }

  public static <T, J> Map<String, J> toJsonMap(Map<String, T> values, Function<T, J> toJson) {
    if (values == null) {
      return null;
    }
    Map<String, J> json = new LinkedHashMap<>();
    values.forEach((key, value) -> json.put(key, value == null ? null : toJson.apply(value)));
    return json;
  }

  public static <T, J> Map<String, T> fromJsonMap(Map<String, J> json, Function<J, T> fromJson) {
    if (json == null) {
      return null;
    }
    Map<String, T> values = new LinkedHashMap<>();
    json.forEach((key, element) -> values.put(key, element == null ? null : fromJson.apply(element)));
    return values;
  }

  /**
   * @return a reader of a {@code @JsonGen} data object without a JSON constructor: a new instance,
   *     filled by its generated converter
   */
  public static <T> Function<JsonObject, T> converted(Supplier<T> create, BiConsumer<JsonObject, T> converter) {
    return json -> {
      T value = create.get();
      converter.accept(json, value);
      return value;
    };
  }
}
