package io.slacker.codegen.sample;

import io.vertx.codegen.annotations.DataObject;

/** A data object whose JSON form is a boolean. */
@DataObject
public class Flag {

  private final boolean on;

  public Flag(Boolean on) {
    this.on = on;
  }

  public Boolean toJson() {
    return on;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Flag other && on == other.on;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(on);
  }

  @Override
  public String toString() {
    return "Flag[" + on + "]";
  }
}
