package io.slacker.codegen.model;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * A parameter or result type that passed the type rules, and how it travels: as itself (Jackson
 * encodes it), or, when it holds {@code @DataObject}s, as {@code JsonObject}s that the generated
 * code converts with {@code toJson()} and the {@code JsonObject} constructor.
 */
public final class ValueType {

  /** Where the {@code @DataObject}s are, if any. */
  public enum Shape {
    PLAIN, DATA_OBJECT, DATA_OBJECT_LIST, DATA_OBJECT_SET, DATA_OBJECT_MAP
  }

  private final TypeMirror type;
  private final Shape shape;
  private final TypeElement dataObject;

  ValueType(TypeMirror type, Shape shape, TypeElement dataObject) {
    this.type = type;
    this.shape = shape;
    this.dataObject = dataObject;
  }

  /** @return the type as declared in the interface */
  public TypeMirror type() {
    return type;
  }

  public Shape shape() {
    return shape;
  }

  /** @return the {@code @DataObject} class, or {@code null} for {@link Shape#PLAIN} */
  public TypeElement dataObject() {
    return dataObject;
  }
}
