package io.slacker.compat;

import io.vertx.codegen.annotations.DataObject;

/** A data object whose JSON form is a string. */
@DataObject
public class Sku {

  private final String code;

  public Sku(String code) {
    this.code = code;
  }

  public String toJson() {
    return code;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sku other && code.equals(other.code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return "Sku[" + code + "]";
  }
}
