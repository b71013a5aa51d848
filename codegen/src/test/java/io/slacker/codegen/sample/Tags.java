package io.slacker.codegen.sample;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.json.JsonArray;

import java.util.List;

/** A data object whose JSON form is an array. */
@DataObject
public class Tags {

  private final List<String> names;

  public Tags(JsonArray json) {
    this.names = json.stream().map(String::valueOf).toList();
  }

  public Tags(List<String> names) {
    this.names = List.copyOf(names);
  }

  public JsonArray toJson() {
    return new JsonArray(names);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tags other && names.equals(other.names);
  }

  @Override
  public int hashCode() {
    return names.hashCode();
  }

  @Override
  public String toString() {
    return "Tags" + names;
  }
}
