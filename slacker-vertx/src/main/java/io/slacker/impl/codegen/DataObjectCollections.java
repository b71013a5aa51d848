package io.slacker.impl.codegen;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Converts collections of {@code @DataObject}s to and from the {@link JsonObject}s that travel on
 * the wire; generated proxies and invokers call these. Null collections and null elements stay null.
 */
public final class DataObjectCollections {

  private DataObjectCollections() {
  }

  public static <T> List<JsonObject> toJsonList(List<T> values, Function<T, JsonObject> toJson) {
    if (values == null) {
      return null;
    }
    List<JsonObject> json = new ArrayList<>(values.size());
    for (T value : values) {
      json.add(value == null ? null : toJson.apply(value));
    }
    return json;
  }

  public static <T> List<T> fromJsonList(List<JsonObject> json, Function<JsonObject, T> fromJson) {
    if (json == null) {
      return null;
    }
    List<T> values = new ArrayList<>(json.size());
    for (JsonObject element : json) {
      values.add(element == null ? null : fromJson.apply(element));
    }
    return values;
  }

  public static <T> Set<JsonObject> toJsonSet(Set<T> values, Function<T, JsonObject> toJson) {
    if (values == null) {
      return null;
    }
    Set<JsonObject> json = new LinkedHashSet<>();
    for (T value : values) {
      json.add(value == null ? null : toJson.apply(value));
    }
    return json;
  }

  public static <T> Set<T> fromJsonSet(Set<JsonObject> json, Function<JsonObject, T> fromJson) {
    if (json == null) {
      return null;
    }
    Set<T> values = new LinkedHashSet<>();
    for (JsonObject element : json) {
      values.add(element == null ? null : fromJson.apply(element));
    }
    return values;
  }

  public static <T> Map<String, JsonObject> toJsonMap(Map<String, T> values, Function<T, JsonObject> toJson) {
    if (values == null) {
      return null;
    }
    Map<String, JsonObject> json = new LinkedHashMap<>();
    values.forEach((key, value) -> json.put(key, value == null ? null : toJson.apply(value)));
    return json;
  }

  public static <T> Map<String, T> fromJsonMap(Map<String, JsonObject> json, Function<JsonObject, T> fromJson) {
    if (json == null) {
      return null;
    }
    Map<String, T> values = new LinkedHashMap<>();
    json.forEach((key, element) -> values.put(key, element == null ? null : fromJson.apply(element)));
    return values;
  }
}
