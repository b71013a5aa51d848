package io.slacker.codegen.model;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * A parameter or result type that passed the type rules, and how it travels: as itself (Jackson
 * encodes it), or, when it holds {@code @DataObject}s, as their JSON forms (a {@code JsonObject},
 * a string, a number, ...), which the generated code converts with {@code toJson()} and the
 * constructor that takes that form.
 */
public final class ValueType {

  /** Where the {@code @DataObject}s are, if any. */
  public enum Shape {
    PLAIN, DATA_OBJECT, DATA_OBJECT_LIST, DATA_OBJECT_SET, DATA_OBJECT_MAP
  }

  private final TypeMirror type;
  private final Shape shape;
  private final TypeElement dataObject;
  private final String jsonForm;
  private final boolean service;
  private final String converter;

  ValueType(TypeMirror type, Shape shape, TypeElement dataObject, String jsonForm) {
    this(type, shape, dataObject, jsonForm, null);
  }

  ValueType(TypeMirror type, Shape shape, TypeElement dataObject, String jsonForm, String converter) {
    this(type, shape, dataObject, jsonForm, false, converter);
  }

  private ValueType(TypeMirror type, Shape shape, TypeElement dataObject, String jsonForm, boolean service,
                    String converter) {
    this.type = type;
    this.shape = shape;
    this.dataObject = dataObject;
    this.jsonForm = jsonForm;
    this.service = service;
    this.converter = converter;
  }

  /**
   * @return the {@code @JsonGen} converter class that reads the data object into a new instance,
   *     for one without a JSON constructor; {@code null} when its constructor reads it
   */
  public String converter() {
    return converter;
  }

  /** A result that is a service interface: the runtime keeps the returned instance for its caller. */
  static ValueType service(TypeMirror type) {
    return new ValueType(type, Shape.PLAIN, null, null, true, null);
  }

  /** @return whether the type is a service interface ({@code @ProxyGen} or {@code @SlackerService}), returned by a method */
  public boolean isService() {
    return service;
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

  /**
   * @return the class of the data object's JSON form, what its {@code toJson()} returns and its
   *     constructor takes (boxed), e.g. {@code io.vertx.core.json.JsonObject} or {@code java.lang.String};
   *     {@code null} for {@link Shape#PLAIN}
   */
  public String jsonForm() {
    return jsonForm;
  }
}
