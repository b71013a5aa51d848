package io.slacker.codegen.sample;

import io.vertx.codegen.annotations.DataObject;

/** A data object whose JSON form is a number. */
@DataObject
public class Quantity {

  private final int units;

  public Quantity(Integer units) {
    this.units = units;
  }

  public Integer toJson() {
    return units;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Quantity other && units == other.units;
  }

  @Override
  public int hashCode() {
    return units;
  }

  @Override
  public String toString() {
    return "Quantity[" + units + "]";
  }
}
