package io.slacker.compat;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/** A data object whose JSON form is an object, with fields that may be null. */
@DataObject
public class Item {

  private String name;
  private Integer stock;

  public Item(JsonObject json) {
    this.name = json.getString("name");
    this.stock = json.getInteger("stock");
  }

  public Item(String name, Integer stock) {
    this.name = name;
    this.stock = stock;
  }

  public JsonObject toJson() {
    return new JsonObject().put("name", name).put("stock", stock);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Item other && Objects.equals(name, other.name) && Objects.equals(stock, other.stock);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, stock);
  }

  @Override
  public String toString() {
    return "Item[" + name + ", " + stock + "]";
  }
}
