package io.slacker.admin;

import io.slacker.impl.JsonFields;
import io.vertx.core.json.JsonObject;

/**
 * A parameter of a described method: its name in the source, recorded by the code generator,
 * and the shape of the JSON it takes (see {@link MethodDescription}).
 */
public class ParameterDescription {

  private String name;
  private JsonObject type;

  public ParameterDescription() {
  }

  public ParameterDescription(String name, JsonObject type) {
    this.name = name;
    this.type = type;
  }

  public ParameterDescription(JsonObject json) {
    this(JsonFields.getString(json, "name"), JsonFields.getJsonObject(json, "type"));
  }

  /** @return the parameter's name, {@code arg0}, {@code arg1}, … when the service was not generated */
  public String getName() {
    return name;
  }

  /** @return the JSON-Schema-like shape of the values it takes */
  public JsonObject getType() {
    return type;
  }

  public JsonObject toJson() {
    return new JsonObject().put("name", name).put("type", type);
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
